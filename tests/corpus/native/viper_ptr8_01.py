# mpy-cross -march=ARCH
# viper ptr8: loads and stores with constant and variable indices on a bytearray
import micropython

@micropython.viper
def fill(buf, n: int):
    p = ptr8(buf)
    for i in range(n):
        p[i] = i * 3

@micropython.viper
def total(buf, n: int) -> int:
    p = ptr8(buf)
    s = 0
    for i in range(n):
        s += p[i]
    return s + p[0] + p[2]

b = bytearray(8)
fill(b, 8)
print(list(b), total(b, 8))
