# mpy-cross -march=ARCH
# viper error: can't store to 'int' with a variable index
import micropython

@micropython.viper
def f(a: int, i: int, v: int):
    a[i] = v
