# mpy-cross -march=ARCH
# viper error: div/mod on uint, masked by the later return-type error
import micropython

@micropython.viper
def f(a: uint, b: uint) -> uint:
    return a // b
