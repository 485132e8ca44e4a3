# mpy-cross -march=ARCH
# viper error: can't do unary op of 'ptr8'
import micropython

@micropython.viper
def f(p: ptr8):
    x = -p
