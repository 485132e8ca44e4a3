# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) iterating over a viper int
import micropython

@micropython.viper
def f(a: int):
    for x in a:
        pass
