# mpy-cross -march=ARCH
# viper ptr32: loads are zero-extended 32-bit values, stores truncate
import micropython
import array

@micropython.viper
def store_big(a, v: int):
    p = ptr32(a)
    p[0] = v
    p[1] = v >> 32

@micropython.viper
def load(a, i: int) -> int:
    p = ptr32(a)
    return p[i]

arr = array.array('I', [0, 0])
store_big(arr, 0x123456789)
print([hex(x) for x in arr], hex(load(arr, 0)), load(arr, 1))
