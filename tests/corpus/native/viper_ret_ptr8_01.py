# mpy-cross -march=ARCH
# viper return annotation -> ptr8: the pointer comes back as an int address
import micropython

@micropython.viper
def addr(buf) -> ptr8:
    return ptr8(buf)

@micropython.viper
def first(p: ptr8) -> int:
    return p[0]

b = bytearray(b'Z')
print(first(addr(b)), type(addr(b)).__name__)
