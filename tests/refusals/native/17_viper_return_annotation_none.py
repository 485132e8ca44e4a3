# mpy-cross-args: -march=x64
# viper return annotation that is not an identifier
import micropython
@micropython.viper
def f(x: int) -> None:
    return None
