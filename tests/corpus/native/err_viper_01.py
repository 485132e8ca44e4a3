# mpy-cross -march=ARCH
# viper error: local 'x' used before type known
import micropython

@micropython.viper
def f() -> int:
    y = x
    x = 1
    return y
