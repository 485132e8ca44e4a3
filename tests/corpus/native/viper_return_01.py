# mpy-cross -march=ARCH
# viper return types: object by default, None returns, typed returns
import micropython

@micropython.viper
def nothing(a: int):
    a += 1

@micropython.viper
def obj(a: int):
    return None

@micropython.viper
def typed(a: int) -> int:
    if a > 0:
        return a
    return None

print(nothing(1), obj(2), typed(3), typed(-3))
