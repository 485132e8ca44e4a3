# mpy-cross -march=ARCH
# viper pointer loads and stores at large positive constant indices of every width, around each encoding limit (5, 8 and 12 bits, 16 bits, beyond)
import micropython

@micropython.viper
def big8(b) -> int:
    p = ptr8(b)
    p[4095] = 1
    p[4096] = 2
    p[4097] = 3
    p[65535] = 4
    p[65536] = 5
    p[65537] = 6
    p[99999] = 7
    return p[4095] + p[4096] + p[4097] + p[65535] + p[65536] + p[65537] + p[99999]

@micropython.viper
def big16(b) -> int:
    h = ptr16(b)
    h[2047] = 101
    h[2048] = 102
    h[2049] = 103
    h[32767] = 104
    h[32768] = 105
    h[49999] = 106
    return h[2047] + h[2048] + h[2049] + h[32767] + h[32768] + h[49999]

@micropython.viper
def big32(b) -> int:
    w = ptr32(b)
    w[1023] = 70001
    w[1024] = 70002
    w[1025] = 70003
    w[16383] = 70004
    w[16384] = 70005
    w[24999] = 70006
    return w[1023] + w[1024] + w[1025] + w[16383] + w[16384] + w[24999]

@micropython.viper
def edges(b, sel: int) -> int:
    # compiled for every width at the small-int limits, run only with sel == 0
    p = ptr8(b)
    h = ptr16(b)
    w = ptr32(b)
    if sel == 1:
        p[0x3fffffff] = 1
        h[0x3fffffff] = 2
        w[0x3fffffff] = 3
        p[-0x40000000] = 4
        h[-0x40000000] = 5
        w[-0x40000000] = 6
        return p[0x3fffffff] + h[0x3fffffff] + w[0x3fffffff] + p[-0x40000000] + h[-0x40000000] + w[-0x40000000]
    return p[0] + h[0] + w[0]

b = bytearray(100000)
print(big8(b), big16(b), big32(b), edges(b, 0), sum(b))
