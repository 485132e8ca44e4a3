# mpy-cross-args: -march=x64
# using a ptr8 as a condition in viper
import micropython
@micropython.viper
def f(p: ptr8) -> int:
    if p:
        return 1
    return 0
