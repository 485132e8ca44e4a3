# mpy-cross -march=ARCH
# viper error: return expected 'int' but got 'object'
import micropython

@micropython.viper
def f(a) -> int:
    return a
