# mpy-cross -march=ARCH
# viper error: div/mod not implemented for uint (result unused)
import micropython

@micropython.viper
def f(a: uint, b: uint):
    x = a % b
