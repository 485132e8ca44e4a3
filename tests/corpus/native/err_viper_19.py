# mpy-cross -march=ARCH
# viper error: can't load from 'int' with a variable index
import micropython

@micropython.viper
def f(a: int, i: int) -> int:
    return a[i]
