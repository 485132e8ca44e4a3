# mpy-cross-args: -march=x64
# power of ints in viper
import micropython
@micropython.viper
def f(a: int) -> int:
    return a ** 2
