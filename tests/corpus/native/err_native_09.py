# mpy-cross -march=ARCH
# NotImplementedError: a viper cast builtin passed as a value cannot be converted to an object
import micropython

@micropython.viper
def f():
    print(int)
