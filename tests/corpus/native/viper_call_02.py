# mpy-cross -march=ARCH
# viper calling Python functions and builtins with native arguments
import micropython

def show(*args):
    return '|'.join(str(a) for a in args)

@micropython.viper
def call_py(a: int, b: uint) -> object:
    return show(a, b, a > 1, len([1, 2, 3]))

print(call_py(2, 3), call_py(-1, 0))
