# mpy-cross -march=ARCH
# viper casts between native types are free retypes
import micropython

@micropython.viper
def retype(a: int) -> uint:
    b = uint(a)
    c = int(b)
    d = uint(c + 1)
    return d

@micropython.viper
def boolcast(a: int) -> int:
    return int(bool(a)) + int(a > 2)

print(retype(7), retype(-1))
print(boolcast(0), boolcast(1), boolcast(9))
