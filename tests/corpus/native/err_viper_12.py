# mpy-cross -march=ARCH
# viper error: comparison of int and uint
import micropython

@micropython.viper
def f(a: int, b: uint) -> bool:
    return a < b
