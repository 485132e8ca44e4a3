# mpy-cross -march=ARCH
# viper bool: bool(...) casts and bool parameters used in conditions
import micropython

@micropython.viper
def pick(flag: bool, a: int, b: int) -> int:
    if flag:
        return a
    return b

@micropython.viper
def truth(x: int) -> bool:
    return bool(x)

print(pick(True, 1, 2), pick(False, 1, 2))
print(truth(0), truth(5), truth(-3))
