# mpy-cross -march=ARCH
# viper error: a lambda inside viper is viper too, so object + int in its body is rejected
import micropython

@micropython.viper
def table(n: int) -> object:
    f = lambda x: x + 1
    out = []
    for i in range(n):
        out.append(f(i))
    return out

print(table(4))
