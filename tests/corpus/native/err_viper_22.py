# mpy-cross -march=ARCH
# viper error: can't store to 'ptr' (constant index)
import micropython

@micropython.viper
def f(p: ptr, v: int):
    p[1] = v
