# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) on a slice with viper int bounds
import micropython

@micropython.viper
def f(xs, a: int, b: int):
    return xs[a:b]
