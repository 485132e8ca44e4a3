# mpy-cross -march=ARCH
# viper int: machine-word wraparound on x64 (64-bit) and large products
import micropython

@micropython.viper
def square(a: int) -> int:
    return a * a

@micropython.viper
def shl(a: int, n: int) -> int:
    return a << n

print(square(3037000499), square(46341))
print(shl(1, 40), shl(1, 62), shl(3, 1))
