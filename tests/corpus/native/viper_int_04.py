# mpy-cross -march=ARCH
# viper int: floor division and modulo through the small-int helpers
import micropython

@micropython.viper
def divmod2(a: int, b: int) -> object:
    return (a // b, a % b)

for a in (17, -17):
    for b in (5, -5):
        print(a, b, divmod2(a, b))
