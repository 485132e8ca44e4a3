# mpy-cross -march=ARCH
# viper error: can't load from 'ptr' (untyped pointer)
import micropython

@micropython.viper
def f(p: ptr) -> int:
    return p[0]
