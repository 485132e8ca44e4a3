# mpy-cross -march=ARCH
# viper uint() of objects and native values, including negative numbers
import micropython

@micropython.viper
def u(x) -> uint:
    return uint(x)

@micropython.viper
def u2(x: int) -> uint:
    return uint(x) >> 1

print(u(5), u(0), u2(10), u2(-2) > 0)
