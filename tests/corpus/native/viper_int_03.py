# mpy-cross -march=ARCH
# viper int: bitwise and, or, xor, shifts by constants and variables
import micropython

@micropython.viper
def bits(a: int, b: int) -> int:
    x = a & b
    y = a | b
    z = a ^ b
    return (x << 16) | (y << 8) | z

@micropython.viper
def sar(a: int, n: int) -> int:
    return a >> n

print(bits(0x5a, 0x3c), bits(255, 1))
print(sar(-64, 3), sar(1024, 5), sar(-1, 10))
