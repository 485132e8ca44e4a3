# mpy-cross -march=ARCH
# viper error: unknown type 'float' in a parameter annotation
import micropython

@micropython.viper
def f(a: float) -> int:
    return 0
