# mpy-cross -march=ARCH
# viper error: can't do binary op between 'object' and 'int'
import micropython

@micropython.viper
def f(a, b: int):
    return a + b
