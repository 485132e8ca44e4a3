# mpy-cross -march=ARCH
# viper functions loading constants: strings and floats make the function keep its object
import micropython

@micropython.viper
def label(n: int) -> object:
    if n > 0:
        return 'positive'
    return 'non-positive'

@micropython.viper
def scaled(n: int) -> object:
    return float(n) * 1.5

print(label(3), label(0), scaled(4))
