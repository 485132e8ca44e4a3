# mpy-cross -march=ARCH
# viper ptr8: stores truncate to 8 bits, loads zero-extend
import micropython

@micropython.viper
def store(buf, v: int):
    p = ptr8(buf)
    p[0] = v
    p[1] = v >> 8

@micropython.viper
def load(buf) -> int:
    p = ptr8(buf)
    return p[0] | (p[1] << 8)

b = bytearray(2)
store(b, 300)
print(list(b), load(b))
store(b, -1)
print(list(b), load(b))
