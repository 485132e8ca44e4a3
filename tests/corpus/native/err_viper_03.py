# mpy-cross -march=ARCH
# viper error: del of a typed local stores None (source is 'None')
import micropython

@micropython.viper
def f(a: int) -> int:
    b = a + 1
    del b
    return a
