# mpy-cross -march=ARCH
# viper: default arguments compile but the entry demands every positional argument
import micropython

@micropython.viper
def d(a: int, b: int = 5) -> int:
    return a + b

print(d(1, 2))
try:
    d(1)
except TypeError as e:
    print('TypeError', e)
