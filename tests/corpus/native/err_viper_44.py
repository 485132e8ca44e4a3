# mpy-cross -march=ARCH
# viper error: the error is reported at the failing statement's line inside a longer body
import micropython

@micropython.viper
def f(a: int) -> int:
    b = a + 1
    c = b * 2
    d = c + None
    return d
