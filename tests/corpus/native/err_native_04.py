# mpy-cross -march=ARCH
# NotImplementedError: generator expression inside @viper (nested scope inherits viper)
import micropython

@micropython.viper
def f(xs):
    return list(x for x in xs)
