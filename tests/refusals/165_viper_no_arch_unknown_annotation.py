# viper decorator without -march, with an unknown annotation type
import micropython
@micropython.viper
def f(x: float):
    return x
