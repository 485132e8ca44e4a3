# mpy-cross -march=ARCH
# viper error: can't store with 'object' index
import micropython

@micropython.viper
def f(p: ptr16, i, v: int):
    p[i] = v
