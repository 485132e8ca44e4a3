# mpy-cross -march=ARCH
# viper pointer loads and stores at negative constant indices of every width, near and far, with the pointer in a register local or a stack local
import micropython

@micropython.viper
def near(b) -> int:
    p8 = ptr8(uint(ptr8(b)) + 600)
    p16 = ptr16(uint(ptr8(b)) + 600)
    p32 = ptr32(uint(ptr8(b)) + 600)
    p8[-1] = 11
    p8[-31] = 12
    p8[-32] = 13
    p8[-33] = 14
    p16[-1] = 1001
    p16[-16] = 1002
    p16[-17] = 1003
    p32[-1] = 100001
    p32[-8] = 100002
    p32[-9] = 100003
    return p8[-1] + p8[-31] + p8[-32] + p8[-33] + p16[-1] + p16[-16] + p16[-17] + p32[-1] + p32[-8] + p32[-9]

@micropython.viper
def far(b) -> int:
    base = uint(ptr8(b)) + 70000
    p8 = ptr8(base)
    p16 = ptr16(base)
    p32 = ptr32(base)
    p8[-128] = 21
    p8[-255] = 22
    p8[-256] = 23
    p8[-257] = 24
    p8[-4095] = 25
    p8[-4096] = 26
    p8[-65536] = 27
    p8[-69999] = 28
    p16[-128] = 2001
    p16[-129] = 2002
    p16[-2048] = 2003
    p16[-2049] = 2004
    p16[-34999] = 2005
    p32[-64] = 200001
    p32[-65] = 200002
    p32[-1024] = 200003
    p32[-1025] = 200004
    p32[-17499] = 200005
    t = p8[-128] + p8[-255] + p8[-256] + p8[-257] + p8[-4095] + p8[-4096] + p8[-65536] + p8[-69999]
    t += p16[-128] + p16[-129] + p16[-2048] + p16[-2049] + p16[-34999]
    t += p32[-64] + p32[-65] + p32[-1024] + p32[-1025] + p32[-17499]
    return t

@micropython.viper
def stacked(b, v: int) -> int:
    a = 1
    c = 2
    d = 3
    p8 = ptr8(uint(ptr8(b)) + 4000)
    p16 = ptr16(uint(ptr8(b)) + 4000)
    p32 = ptr32(uint(ptr8(b)) + 4000)
    p8[-2] = v
    p8[-300] = v + a
    p16[-3] = v + c
    p16[-300] = v + d
    p32[-4] = v * 2
    p32[-300] = v * 3
    x = p8[-2] + p8[-300]
    y = p16[-3] + p16[-300]
    z = p32[-4] + p32[-300]
    return x + y + z + a + c + d

b = bytearray(72000)
print(near(b), sum(b))
print(far(b), sum(b))
print(stacked(b, 40), stacked(b, 77), sum(b))
