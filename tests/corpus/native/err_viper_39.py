# mpy-cross -march=ARCH
# viper error: can't do binary op between 'bool' and 'int'
import micropython

@micropython.viper
def f(a: int, b: int):
    c = (a < b) + 1
