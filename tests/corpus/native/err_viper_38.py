# mpy-cross -march=ARCH
# viper error: pointer arithmetic needs a cast (ptr8 + int)
import micropython

@micropython.viper
def f(p: ptr8, n: int):
    q = p + n
