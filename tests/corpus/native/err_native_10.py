# mpy-cross -march=ARCH
# NotImplementedError: casting a cast builtin (int(int)) in viper
import micropython

@micropython.viper
def f(a: int):
    return int(int)
