# syntax mpy-cross accepts although CPython refuses: annotated tuple target, bare '*', odd underscores, trailing import comma
from math import sin,
a, b: int = 1, 2
print(a, b, sin(0))
def f(a, *):
    return a
g = lambda *: 5
def h(*, **kw):
    return sorted(kw)
print(f(1), g(), h(x=1, y=2))
print(1__000, 100_, 0x_f_f)
def k(**kw):
    return kw
try:
    print(k(a=1, a=2))
except TypeError as e:
    print("TypeError:", e)
