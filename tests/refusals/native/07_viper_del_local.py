# mpy-cross-args: -march=x64
# deleting a typed local in viper
import micropython
@micropython.viper
def f() -> int:
    x = 1
    del x
    return 0
