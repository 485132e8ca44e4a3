# mpy-cross -march=ARCH
# viper return annotation -> uint: the value is converted to an object on return
import micropython

@micropython.viper
def f(a: int) -> uint:
    return uint(a) + uint(1)

print(f(21), f(0), f(-3))
