# mpy-cross -march=ARCH
# viper return annotation -> int: the value is converted to an object on return
import micropython

@micropython.viper
def f(a: int) -> int:
    return a * 2

print(f(21), f(0), f(-3))
