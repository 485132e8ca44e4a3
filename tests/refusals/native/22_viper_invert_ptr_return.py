# mpy-cross-args: -march=x64
# unary invert of a ptr in viper
import micropython
@micropython.viper
def f(p: ptr8) -> int:
    return ~p
