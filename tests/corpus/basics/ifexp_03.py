# conditional expressions with constant conditions (jumps are still emitted)
x = "yes" if True else "no"
y = "yes" if 0 else "no"
z = 1 if None else 2 if "" else 3
print(x, y, z)
def f(v):
    return v if 1 else -v
print(f(5))
