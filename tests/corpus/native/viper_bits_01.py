# mpy-cross -march=ARCH
# viper popcount and bit reversal with uint shifts
import micropython

@micropython.viper
def popcount(x: uint) -> int:
    c = 0
    while x:
        c += int(x & uint(1))
        x = x >> 1
    return c

@micropython.viper
def rev8(x: uint) -> uint:
    r = uint(0)
    for i in range(8):
        r = (r << 1) | (x & uint(1))
        x >>= 1
    return r

print(popcount(0), popcount(255), popcount(0x12345), rev8(1), rev8(0xf0))
