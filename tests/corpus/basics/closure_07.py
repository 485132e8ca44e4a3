# a closure variable that is also a parameter with a default and a keyword-only argument
def f(a, b=2, *, c=3):
    def g():
        return a + b + c
    return g
print(f(1)(), f(1, 1, c=1)())
def h(*args, **kw):
    def inner():
        return args, sorted(kw)
    return inner
print(h(1, 2, x=1)())
