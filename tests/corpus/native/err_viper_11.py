# mpy-cross -march=ARCH
# viper error: 'in' on ints is not implemented
import micropython

@micropython.viper
def f(a: int, b: int):
    x = a in b
