# mpy-cross -march=ARCH
# viper ptr16: loads and stores at variable indices, values wrap to 16 bits
import micropython
import array

@micropython.viper
def twist(a, n: int, k: int):
    p = ptr16(a)
    i = 0
    while i < n:
        p[i] = p[i] * k + i
        i += 1

arr = array.array('H', [1, 2, 3, 65535])
twist(arr, 4, 3)
print(list(arr))
