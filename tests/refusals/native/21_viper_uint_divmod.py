# mpy-cross-args: -march=x64
# floor division of uints in viper
import micropython
@micropython.viper
def f(a: uint, b: uint) -> int:
    return int(a // b)
