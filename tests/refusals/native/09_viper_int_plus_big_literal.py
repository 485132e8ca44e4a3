# mpy-cross-args: -march=x64
# viper int added to a literal beyond the small-int range (an object)
import micropython
@micropython.viper
def f(a: int) -> int:
    return a + 0x7fffffff
