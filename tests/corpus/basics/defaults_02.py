# keyword-only defaults and mixed positional defaults (DEFKWARGS)
def f(a, b=5, *, c, d=7):
    return a + b + c + d
print(f(1, c=1), f(1, 2, c=3, d=4))
def g(*, x=1, y=2):
    return x - y
print(g(), g(y=10), g(x=5, y=1))
def h(a=1, *rest, k=3, **kw):
    return a, rest, k, kw
print(h(), h(0, 1, 2, k=9, z=1))
