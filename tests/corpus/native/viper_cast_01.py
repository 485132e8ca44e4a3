# mpy-cross -march=ARCH
# viper casts: int() and uint() of objects, int() of a uint, object results
import micropython

@micropython.viper
def conv(x) -> int:
    a = int(x)
    b = uint(a)
    return int(b) + 1

print(conv(41), conv(-2), conv(True))
