# mpy-cross -march=ARCH
# viper function building Python objects: a lambda inside is viper too and returns an object
import micropython

@micropython.viper
def table(n: int) -> object:
    f = lambda x: [x, x]
    out = []
    for i in range(n):
        out.append(f(i))
    return out

print(table(3))
