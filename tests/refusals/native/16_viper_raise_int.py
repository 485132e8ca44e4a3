# mpy-cross-args: -march=x64
# raising a native int in viper
import micropython
@micropython.viper
def f(a: int):
    raise a
