# mpy-cross -march=ARCH
# NotImplementedError: yield from inside @viper
import micropython

@micropython.viper
def f(xs):
    yield from xs
