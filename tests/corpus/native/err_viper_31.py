# mpy-cross -march=ARCH
# viper error: 'not in' on ints reads past the method-name table (mpy-cross prints __complex__)
import micropython

@micropython.viper
def f(a: int, b: int):
    x = a not in b
