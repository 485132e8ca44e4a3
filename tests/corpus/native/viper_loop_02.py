# mpy-cross -march=ARCH
# viper for-range loops: optimised ranges with steps, nested loops
import micropython

@micropython.viper
def tri(n: int) -> int:
    s = 0
    for i in range(n):
        for j in range(i, n, 2):
            s += j
    return s

@micropython.viper
def down(n: int) -> int:
    s = 0
    for i in range(n, 0, -3):
        s = s * 2 + i
    return s

print(tri(6), down(10))
