# closures, nonlocal, global, cells as parameters, class __class__ cell
g = 1
def outer(a, *rest, b=2, **kw):
    c = 3
    def inner(x):
        nonlocal c
        c += x
        def innermost():
            return a + c + b + len(rest) + len(kw)
        return innermost()
    return inner
def setg(v):
    global g
    g = v
    return g
class Base:
    def m(self):
        return "base"
class Derived(Base):
    def m(self):
        return "derived " + super().m()
    def n(self):
        return __class__.__name__
    @staticmethod
    def s():
        return 5
print(outer(1, 2, 3, k=1)(10), setg(5), g, Derived().m(), Derived().n(), Derived.s())
def gen():
    x = 0
    while x < 3:
        y = yield x
        x += 1
    yield from range(2)
print(list(gen()))
lam = lambda a, b=2, *c, d=3, **e: (a, b, c, d, e)
print(lam(1), (lambda: (yield 1)))
def kwonly(a, *, b, c=3):
    return a, b, c
def order(a, *b, c, d):
    return a, b, c, d
print(kwonly(1, b=2), order(1, 2, c=3, d=4))
