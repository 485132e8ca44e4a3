# mpy-cross -march=ARCH
# viper comparison <= on int and on uint: bool results and branches
import micropython

@micropython.viper
def ci(a: int, b: int) -> bool:
    return a <= b

@micropython.viper
def cu(a: uint, b: uint) -> bool:
    return a <= b

@micropython.viper
def branch(a: int, b: int) -> int:
    if a <= b:
        return 1
    return 0

for a, b in ((1, 2), (2, 1), (3, 3), (-1, 1)):
    print(a, b, ci(a, b), branch(a, b))
for a, b in ((1, 2), (2, 1), (3, 3), (0, 0xffff)):
    print(a, b, cu(a, b))
