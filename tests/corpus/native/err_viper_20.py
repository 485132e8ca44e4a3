# mpy-cross -march=ARCH
# viper error: can't load with 'object' index
import micropython

@micropython.viper
def f(p: ptr8, i) -> int:
    return p[i]
