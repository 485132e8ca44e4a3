# mpy-cross-args: -march=x64
# viper local whose type changes from int to object
import micropython
@micropython.viper
def f():
    x = 0
    x = "s"
    return x
