# mpy-cross -march=ARCH
# viper return annotation -> bool: the value is converted to an object on return
import micropython

@micropython.viper
def f(a: int) -> bool:
    return a > 10

print(f(21), f(0), f(-3))
