# mpy-cross -march=ARCH
# @native *args, **kwargs, keyword-only arguments and defaults
import micropython

@micropython.native
def f(a, b=2, *rest, c, d=4, **kw):
    return (a, b, rest, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
