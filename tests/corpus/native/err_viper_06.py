# mpy-cross -march=ARCH
# viper error: can't do binary op between 'int' and 'object' (literal beyond the small-int range)
import micropython

@micropython.viper
def f(a: int) -> int:
    return a + 0x7fffffff
