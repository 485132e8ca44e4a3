# mpy-cross -march=ARCH
# viper bool: comparisons produce bool, returned as Python True/False
import micropython

@micropython.viper
def less(a: int, b: int) -> bool:
    return a < b

@micropython.viper
def ge(a: int, b: int) -> bool:
    return a >= b

print(less(1, 2), less(2, 1), ge(2, 2), ge(-1, 0))
