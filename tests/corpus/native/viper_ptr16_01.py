# mpy-cross -march=ARCH
# viper ptr16: 16-bit loads and stores on an array of unsigned shorts
import micropython
import array

@micropython.viper
def scale(a, n: int, k: int):
    p = ptr16(a)
    for i in range(n):
        p[i] = p[i] * k

@micropython.viper
def at(a, i: int) -> int:
    p = ptr16(a)
    return p[i] + p[1]

arr = array.array('H', [1, 2, 3, 40000])
scale(arr, 4, 2)
print(list(arr), at(arr, 2))
