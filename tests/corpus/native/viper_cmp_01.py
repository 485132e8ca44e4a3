# mpy-cross -march=ARCH
# viper int comparisons: all six operators, signed
import micropython

@micropython.viper
def cmps(a: int, b: int) -> int:
    r = 0
    if a < b:
        r += 1
    if a > b:
        r += 10
    if a == b:
        r += 100
    if a <= b:
        r += 1000
    if a >= b:
        r += 10000
    if a != b:
        r += 100000
    return r

for a, b in ((1, 2), (2, 1), (-3, -3), (-5, 5)):
    print(a, b, cmps(a, b))
