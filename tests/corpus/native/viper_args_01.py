# mpy-cross -march=ARCH
# viper with more positional arguments than registers (arguments read from the array)
import micropython

@micropython.viper
def five(a: int, b: int, c: int, d: int, e: int) -> int:
    return a + 2 * b + 3 * c + 4 * d + 5 * e

@micropython.viper
def three(a: int, b: uint, c) -> int:
    return a + int(b) + int(c)

print(five(1, 2, 3, 4, 5), three(1, 2, 3))
