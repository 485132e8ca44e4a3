# mpy-cross -march=ARCH
# viper function importing a module and calling into it with native values
import micropython

@micropython.viper
def hyp(a: int, b: int) -> object:
    import math
    return math.sqrt(a * a + b * b)

print(hyp(3, 4), hyp(5, 12))
