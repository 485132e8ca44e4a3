# Native, viper and bytecode functions side by side (compile with -march=x64).
import micropython


@micropython.native
def nat(a, b=1):
    s = "native string"
    return a + b


@micropython.viper
def vip(a: int, p: ptr8) -> int:
    return a + p[0]


@micropython.bytecode
def byt(x):
    return x


def plain(y):
    return y * 2
