# mpy-cross -march=ARCH
# NotImplementedError: yield inside @viper
import micropython

@micropython.viper
def f(n: int):
    yield n
