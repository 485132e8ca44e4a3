# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) on attribute access of a viper int
import micropython

@micropython.viper
def f(a: int):
    return a.real
