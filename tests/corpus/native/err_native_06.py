# mpy-cross -march=ARCH
# NotImplementedError: raise without argument in @viper
import micropython

@micropython.viper
def f():
    raise
