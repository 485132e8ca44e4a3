# mpy-cross -march=ARCH -X emit=viper
# whole module viper: pointer kernels over bytearrays
def xor_into(dst, src, n: int):
    d = ptr8(dst)
    s = ptr8(src)
    for i in range(n):
        d[i] = d[i] ^ s[i]

def checksum(buf, n: int) -> uint:
    p = ptr8(buf)
    c = uint(0)
    for i in range(n):
        c = (c << 1) ^ uint(p[i])
    return c & uint(0xffff)

a = bytearray(b'hello viper')
b = bytearray(b'0123456789a')
xor_into(a, b, 11)
print(bytes(a), checksum(a, 11))
