# mpy-cross-args: -march=x64
# comparison of int and uint in viper
import micropython
@micropython.viper
def f(a: int, b: uint) -> bool:
    return a < b
