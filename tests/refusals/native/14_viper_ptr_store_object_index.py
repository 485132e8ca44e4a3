# mpy-cross-args: -march=x64
# storing with a ptr-typed index in viper
import micropython
@micropython.viper
def f(p: ptr8, q: ptr8):
    p[q] = 1
