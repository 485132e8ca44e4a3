# mpy-cross -march=ARCH
# NotImplementedError: a list comprehension is fine in viper but a generator expression is not
import micropython

@micropython.viper
def f(xs):
    a = [x for x in xs]
    return sum(x for x in xs)
