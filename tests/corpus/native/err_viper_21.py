# mpy-cross -march=ARCH
# viper error: can't store 'object' into a ptr8
import micropython

@micropython.viper
def f(p: ptr8, v):
    p[0] = v
