# mpy-cross -march=ARCH
# viper error: local has type 'int' but source is 'object'
import micropython

@micropython.viper
def f(a):
    x = 1
    x = a
    return x
