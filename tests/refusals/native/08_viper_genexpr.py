# mpy-cross-args: -march=x64
# generator expression inside a viper function (nested scopes inherit viper)
import micropython
@micropython.viper
def f(xs):
    return sum(x for x in xs)
