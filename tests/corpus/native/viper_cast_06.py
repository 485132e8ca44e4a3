# mpy-cross -march=ARCH
# viper int() of a ptr8 and back: address arithmetic walks a buffer
import micropython

@micropython.viper
def walk(buf, n: int) -> int:
    base = int(ptr8(buf))
    s = 0
    for i in range(n):
        p = ptr8(base + i)
        s = s * 10 + p[0] - 48
    return s

print(walk(bytearray(b'4096'), 4))
