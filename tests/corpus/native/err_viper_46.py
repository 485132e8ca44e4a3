# mpy-cross -march=ARCH
# viper error: a local bound to a cast builtin has no printable type, so the message says 'None'
import micropython

@micropython.viper
def f():
    x = ptr8
    return x
