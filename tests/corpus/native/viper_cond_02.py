# mpy-cross -march=ARCH
# viper chained comparisons on native ints
import micropython

@micropython.viper
def between(a: int, x: int, b: int) -> bool:
    return a <= x < b

@micropython.viper
def ordered(a: int, b: int, c: int, d: int) -> bool:
    return a < b < c < d

print(between(1, 1, 3), between(1, 3, 3), ordered(1, 2, 3, 4), ordered(1, 3, 2, 4))
