# mpy-cross -march=ARCH
# viper error: annotation must be an identifier (subscripted parameter annotation)
import micropython

@micropython.viper
def f(a: list[int]):
    pass
