# walrus inside comprehension conditions binds in the enclosing function scope
def f(xs):
    out = [y for x in xs if (y := x * 3) % 2 == 0]
    return out, y
print(f([1, 2, 3, 4]))
def g():
    [last := i for i in range(5)]
    return last
print(g())
