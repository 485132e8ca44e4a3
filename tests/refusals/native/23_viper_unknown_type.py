# mpy-cross-args: -march=x64
# viper parameter annotated with a type viper does not know
import micropython
@micropython.viper
def f(x: float):
    return x
