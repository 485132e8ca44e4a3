# mpy-cross -march=ARCH
# viper error: unknown type in the return annotation
import micropython

@micropython.viper
def f(a: int) -> str:
    return 0
