# mpy-cross -march=ARCH
# viper function reading a global table object and native-indexing a pointer to it
import micropython

TABLE = bytearray([10, 20, 30, 40])

@micropython.viper
def lookup(i: int) -> int:
    p = ptr8(TABLE)
    return p[i] + p[3]

print(lookup(0), lookup(2))
