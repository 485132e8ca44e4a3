# mpy-cross -march=ARCH
# viper error: 'is' and 'is not' on ints are not implemented (empty operator name)
import micropython

@micropython.viper
def f(a: int, b: int):
    x = a is b
    y = a is not b
