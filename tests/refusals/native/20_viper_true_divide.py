# mpy-cross-args: -march=x64
# true division of ints in viper
import micropython
@micropython.viper
def f(a: int, b: int) -> int:
    return a / b
