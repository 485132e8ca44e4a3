# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) on a method call on a viper int; mpyc reports a clean error
import micropython

@micropython.viper
def f(a: int):
    return a.bit_length()
