# mpy-cross -march=ARCH
# viper error: return expected 'bool' but got 'int'
import micropython

@micropython.viper
def f(a: int) -> bool:
    return a + 1
