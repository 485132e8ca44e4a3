# mpy-cross -march=ARCH
# viper error: true division of ints is not implemented (operator name prints empty)
import micropython

@micropython.viper
def f(a: int, b: int):
    x = a / b
