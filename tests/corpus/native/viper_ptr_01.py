# mpy-cross -march=ARCH
# viper ptr casts: ptr from an object, ptr8/ptr32 views of the same buffer, pointer arithmetic via int
import micropython

@micropython.viper
def same(buf) -> bool:
    a = ptr(buf)
    b = ptr8(buf)
    return int(ptr(b)) == int(a)

@micropython.viper
def word0(buf) -> int:
    p = ptr32(buf)
    return p[0]

@micropython.viper
def second_byte(buf) -> int:
    p = ptr8(int(ptr8(buf)) + 1)
    return p[0]

b = bytearray(b'\x01\x02\x03\x04')
print(same(b), hex(word0(b)), second_byte(b))
