# mpy-cross -march=ARCH
# viper error: local has type 'bool' but source is 'int'
import micropython

@micropython.viper
def f(a: int):
    ok = a > 0
    ok = a
