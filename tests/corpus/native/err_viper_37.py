# mpy-cross -march=ARCH
# viper error: return expected 'ptr8' but got 'object'
import micropython

@micropython.viper
def f(buf) -> ptr8:
    return buf
