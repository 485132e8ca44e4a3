# mpy-cross -march=ARCH
# Python calling viper functions with bools, big ints and floats converted to machine words
import micropython

@micropython.viper
def as_int(x: int) -> int:
    return x

@micropython.viper
def as_uint(x: uint) -> uint:
    return x

@micropython.viper
def as_bool(x: bool) -> bool:
    return x

print(as_int(True), as_int(-5), as_uint(7), as_bool(3), as_bool(0), as_bool([]))
