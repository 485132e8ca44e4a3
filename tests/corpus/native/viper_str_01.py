# mpy-cross -march=ARCH
# viper string building: object operations mixed with native loop counters
import micropython

@micropython.viper
def stars(n: int) -> object:
    s = ''
    for i in range(n):
        s = s + '*'
    return s + '|' + str(n)

print(stars(5), stars(0))
