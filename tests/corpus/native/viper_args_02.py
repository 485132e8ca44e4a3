# mpy-cross -march=ARCH
# viper with twelve integer arguments
import micropython

@micropython.viper
def many(a: int, b: int, c: int, d: int, e: int, f: int,
         g: int, h: int, i: int, j: int, k: int, l: int) -> int:
    return a - b + c - d + e - f + g - h + i - j + k - l

print(many(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1))
