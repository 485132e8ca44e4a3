# mpy-cross -march=ARCH
# viper error: 'not' not implemented for ints
import micropython

@micropython.viper
def f(a: int):
    x = not a
