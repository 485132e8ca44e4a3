# mpy-cross -march=ARCH
# viper ptr32: 32-bit loads and stores, constant offsets and loops
import micropython
import array

@micropython.viper
def cumsum(a, n: int):
    p = ptr32(a)
    acc = 0
    for i in range(n):
        acc += p[i]
        p[i] = acc

@micropython.viper
def first_last(a, n: int) -> int:
    p = ptr32(a)
    return p[0] * 1000 + p[n - 1]

arr = array.array('I', [5, 6, 7, 8, 9])
cumsum(arr, 5)
print(list(arr), first_last(arr, 5))
