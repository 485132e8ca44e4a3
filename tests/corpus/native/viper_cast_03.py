# mpy-cross -march=ARCH
# viper casts of objects: ptr8 of bytearray, ptr16/ptr32 of arrays, int of a big object truncates
import micropython
import array

@micropython.viper
def peek(b, h, w) -> int:
    p8 = ptr8(b)
    p16 = ptr16(h)
    p32 = ptr32(w)
    return p8[1] + p16[1] + p32[1]

print(peek(bytearray([1, 2]), array.array('H', [3, 4]), array.array('I', [5, 6])))
