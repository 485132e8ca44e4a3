# mpy-cross -march=ARCH
# viper while loop with a bool flag local
import micropython

@micropython.viper
def isqrt(n: int) -> int:
    x = n
    y = (x + 1) >> 1
    going = y < x
    while going:
        x = y
        y = (x + n // x) >> 1
        going = y < x
    return x

print([isqrt(v) for v in (0, 1, 15, 16, 17, 1000000)])
