# mpy-cross-args: -march=x64
# adding a bool and an int in viper
import micropython
@micropython.viper
def f(a: bool, b: int) -> int:
    return a + b
