# mpy-cross-args: -march=x64
# subscript store into an int in viper
import micropython
@micropython.viper
def f(a: int):
    a[0] = 1
