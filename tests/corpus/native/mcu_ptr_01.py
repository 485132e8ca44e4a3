# mpy-cross -march=ARCH
# viper pointer loads and stores: negative and large constant indices of each width, register indices
import micropython

@micropython.viper
def neg(b) -> int:
    p = ptr8(b)
    q = ptr8(uint(p) + 16)
    q[-1] = 200
    q[-16] = 7
    h = ptr16(uint(p) + 32)
    h[-2] = 4000
    w = ptr32(uint(p) + 64)
    w[-3] = 123456
    return q[-1] + q[-16] + h[-2] + w[-3] + q[-9]

@micropython.viper
def far(b) -> int:
    p = ptr8(b)
    p[31] = 1
    p[32] = 2
    p[255] = 3
    p[256] = 4
    p[2047] = 5
    p[2048] = 6
    p[3999] = 7
    h = ptr16(b)
    h[63] = 8
    h[127] = 9
    h[128] = 10
    h[1023] = 11
    h[1024] = 12
    h[1999] = 13
    w = ptr32(b)
    w[15] = 14
    w[16] = 15
    w[255] = 16
    w[256] = 17
    w[511] = 18
    w[512] = 19
    w[999] = 20
    return p[31] + p[32] + p[255] + p[256] + p[2047] + p[2048] + p[3999] + h[63] + h[127] + h[128] + h[1023] + h[1024] + h[1999] + w[15] + w[16] + w[255] + w[256] + w[511] + w[512] + w[999]

@micropython.viper
def regidx(b, i: int, j: uint) -> int:
    p = ptr8(b)
    h = ptr16(b)
    w = ptr32(b)
    p[i] = 9
    h[i] = 300
    w[j] = 70000
    p[j + 1] = p[i] + 1
    h[i + 3] = h[j] + 2
    w[i + 5] = w[j] + 3
    return p[i] + h[i] + w[j] + p[j + 1] + h[i + 3] + w[i + 5]

b = bytearray(4000)
print(neg(b), far(b), sum(b) % 1000)
print(regidx(b, 10, 20), regidx(b, 0, 0), sum(b) % 1000)
