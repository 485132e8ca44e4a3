# mpy-cross -march=ARCH
# viper error: annotation must be an identifier (-> None)
import micropython

@micropython.viper
def f(a: int) -> None:
    pass
