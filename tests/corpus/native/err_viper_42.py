# mpy-cross -march=ARCH
# viper error: int then uint assignment to the same local
import micropython

@micropython.viper
def f(a: int):
    x = a
    y = 1
    x = uint(a)
    return y
