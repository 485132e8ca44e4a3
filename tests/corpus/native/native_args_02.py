# mpy-cross -march=ARCH
# @native calls with star arguments and keyword unpacking
import micropython

def target(*a, **k):
    return a, sorted(k.items())

@micropython.native
def caller(xs, kw):
    return target(*xs, 0, *xs, z=1, **kw)

print(caller([1, 2], {'q': 5}))
