# conditional expressions, nested and in different contexts
def sign(n):
    return -1 if n < 0 else (0 if n == 0 else 1)
print([sign(v) for v in (-4, 0, 9)])
x = 5
y = "big" if x > 3 else "small"
print(y)
print((lambda v: "odd" if v % 2 else "even")(7))
z = [1, 2] if x else None
print(z)
print(1 if True else 2, 3 if False else 4, 5 if 0 else 6)
print(x if x else "never", "a" if "" else "b")
