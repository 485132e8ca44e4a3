# assignment expressions in if, while and comprehensions
data = [1, 5, 12, 7]
if (n := len(data)) > 3:
    print("long", n)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v)
print([y for x in data if (y := x * 2) > 10])
print(n, v)
def f():
    if (m := 10) > 5:
        return m * 2
print(f())
