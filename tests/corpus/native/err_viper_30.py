# mpy-cross -march=ARCH
# viper error: can't store 'ptr8' value into a ptr32
import micropython

@micropython.viper
def f(p: ptr32, q: ptr8):
    p[2] = q
