# mpy-cross-args: -march=x64
# viper function without return annotation returning an int
import micropython
@micropython.viper
def f(a: int):
    return a
