# mpy-cross-args: -march=x64
# yield in a viper function
import micropython
@micropython.viper
def f(n: int):
    yield n
