# mpy-cross -march=ARCH
# viper uint: casts from int, wraparound of negative values, unsigned shifts
import micropython

@micropython.viper
def to_uint(a: int) -> uint:
    return uint(a)

@micropython.viper
def ushr(a: uint, n: int) -> uint:
    return a >> n

print(to_uint(5), to_uint(-1))
print(ushr(uint(0xff00), 4), ushr(to_uint(-1), 60))
