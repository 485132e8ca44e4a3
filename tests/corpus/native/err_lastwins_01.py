# mpy-cross -march=ARCH
# viper error: comparing two ptr values fails, then the return check replaces that error (last error of the pass wins)
import micropython

@micropython.viper
def same(buf) -> bool:
    a = ptr(buf)
    b = ptr8(buf)
    return ptr(b) == a

@micropython.viper
def word0(buf) -> int:
    p = ptr32(buf)
    return p[0]

b = bytearray(b'\x01\x02\x03\x04')
print(same(b), hex(word0(b)))
