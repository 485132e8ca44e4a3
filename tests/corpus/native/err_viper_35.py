# mpy-cross -march=ARCH
# viper error: local has type 'ptr8' but source is 'ptr16'
import micropython

@micropython.viper
def f(buf):
    p = ptr8(buf)
    p = ptr16(buf)
