# mpy-cross -march=ARCH
# viper error: can't implicitly convert 'ptr8' to 'bool'
import micropython

@micropython.viper
def f(p: ptr8) -> int:
    if p:
        return 1
    return 0
