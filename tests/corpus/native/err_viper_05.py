# mpy-cross -march=ARCH
# viper error: unannotated return is object, so returning an int fails
import micropython

@micropython.viper
def f(a: int):
    return a
