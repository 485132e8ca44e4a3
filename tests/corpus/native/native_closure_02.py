# mpy-cross -march=ARCH
# @native lambdas and closures built in loops, default-argument capture
import micropython

@micropython.native
def makers(n):
    fs = [lambda x, i=i: x + i for i in range(n)]
    late = [lambda: i for i in range(n)]
    return [f(100) for f in fs], [f() for f in late]

print(makers(3))
