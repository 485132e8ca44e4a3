# mpy-cross -march=ARCH
# viper calling viper: results come back as objects and are cast back
import micropython

@micropython.viper
def inc(a: int) -> int:
    return a + 1

@micropython.viper
def twice(a: int) -> int:
    b = int(inc(a))
    return int(inc(b))

print(twice(5), twice(-2))
