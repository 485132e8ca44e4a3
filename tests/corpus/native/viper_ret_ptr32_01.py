# mpy-cross -march=ARCH
# viper ptr32 parameter and return types round-trip through Python ints
import micropython
import array

@micropython.viper
def addr(a) -> ptr32:
    return ptr32(a)

@micropython.viper
def second(p: ptr32) -> int:
    return p[1]

arr = array.array('I', [11, 22])
print(second(addr(arr)))
