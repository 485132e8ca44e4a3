# mpy-cross -march=ARCH
# mpy-cross aborts (assertion) on a cast with two arguments; mpyc reports a clean error
import micropython

@micropython.viper
def f(a: int) -> int:
    return int(a, 2)
