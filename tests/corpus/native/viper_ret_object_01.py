# mpy-cross -march=ARCH
# viper return annotation -> object: the value is converted to an object on return
import micropython

@micropython.viper
def f(a: int) -> object:
    return None

print(f(21), f(0), f(-3))
