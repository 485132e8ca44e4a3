# mpy-cross -march=ARCH
# viper error: can't implicitly convert 'ptr' to 'bool' in a while condition
import micropython

@micropython.viper
def f(p: ptr):
    while p:
        pass
