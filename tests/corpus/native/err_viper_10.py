# mpy-cross -march=ARCH
# viper error: matrix multiply of ints is not implemented
import micropython

@micropython.viper
def f(a: int, b: int):
    x = a @ b
