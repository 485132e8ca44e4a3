# mpy-cross -march=ARCH
# viper int: literals near the small-int limit stay native; bigger ones are objects
import micropython

@micropython.viper
def lits() -> int:
    a = 0x3fffffff
    b = -0x40000000
    return a + b

print(lits())
