# mpy-cross -march=ARCH
# viper pointer accesses whose base, index and value live in the local registers (r4/r5), in temporaries or are immediates
import micropython
import array

@micropython.viper
def mix8(b, n: int) -> int:
    p = ptr8(b)
    i = 0
    while i < n:
        p[i] = p[i] + i
        p[n - 1 - i] = 7
        p[3] = i
        i += 1
    return p[0] + p[3] + p[n - 1]

@micropython.viper
def mix16(b, k: int) -> int:
    p = ptr16(b)
    q = ptr16(b)
    p[k] = k * 300
    q[k + 1] = p[k] + 1
    p[0] = q[1] ^ 0x5555
    return int(p[k]) + int(q[k + 1]) + int(p[0])

@micropython.viper
def mix32(b, k: uint) -> uint:
    p = ptr32(b)
    v = uint(0x12345678)
    p[k] = v
    p[2] = p[k] >> 4
    p[int(k) + 1] = p[2] | 1
    return uint(p[0] + p[1] + p[2] + p[3])

@micropython.viper
def copy(dst, src, n: int):
    d = ptr8(dst)
    s = ptr8(src)
    for i in range(n):
        d[i] = s[n - 1 - i]

b8 = bytearray(16)
b16 = array.array('H', [0] * 8)
b32 = array.array('I', [0] * 8)
print(mix8(b8, 9), list(b8))
print(mix16(b16, 2), list(b16))
print(mix32(b32, 0), list(b32))
out = bytearray(5)
copy(out, b'abcde', 5)
print(out)
