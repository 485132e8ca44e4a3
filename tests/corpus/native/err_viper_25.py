# mpy-cross -march=ARCH
# viper error: must raise an object
import micropython

@micropython.viper
def f(a: int):
    raise a
