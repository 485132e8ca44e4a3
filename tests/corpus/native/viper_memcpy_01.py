# mpy-cross -march=ARCH
# viper memcpy and memset kernels over bytearrays
import micropython

@micropython.viper
def memcpy(dst, src, n: int):
    d = ptr8(dst)
    s = ptr8(src)
    for i in range(n):
        d[i] = s[i]

@micropython.viper
def memset(dst, v: int, n: int):
    d = ptr8(dst)
    for i in range(n):
        d[i] = v

a = bytearray(6)
memcpy(a, b'abcdef', 6)
memset(a, 0x2d, 2)
print(a)
