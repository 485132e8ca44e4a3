# mpy-cross -march=ARCH
# viper ptr8: loads and stores at variable indices, values wrap to 8 bits
import micropython
import array

@micropython.viper
def twist(a, n: int, k: int):
    p = ptr8(a)
    i = 0
    while i < n:
        p[i] = p[i] * k + i
        i += 1

arr = array.array('B', [1, 2, 3, 255])
twist(arr, 4, 3)
print(list(arr))
