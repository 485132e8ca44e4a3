# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) on a dict display holding a viper int
import micropython

@micropython.viper
def f(a: int):
    return {'a': a}
