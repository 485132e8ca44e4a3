# mpy-cross-args: -march=x64
# indexing a plain ptr in viper
import micropython
@micropython.viper
def f(p: ptr) -> int:
    return p[0]
