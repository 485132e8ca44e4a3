# mpy-cross -march=ARCH
# viper error: can't store 'ptr' into a ptr8 with a variable index
import micropython

@micropython.viper
def f(p: ptr8, q: ptr, i: int):
    p[i] = q
