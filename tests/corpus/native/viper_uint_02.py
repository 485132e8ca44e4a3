# mpy-cross -march=ARCH
# viper uint: arithmetic and unsigned comparisons
import micropython

@micropython.viper
def ucmp(a: uint, b: uint) -> int:
    r = 0
    if a < b:
        r |= 1
    if a > b:
        r |= 2
    if a == b:
        r |= 4
    if a <= b:
        r |= 8
    if a >= b:
        r |= 16
    if a != b:
        r |= 32
    return r

print(ucmp(1, 2), ucmp(2, 1), ucmp(3, 3))
print(ucmp(uint(0), uint(0)), ucmp(7, 100))
