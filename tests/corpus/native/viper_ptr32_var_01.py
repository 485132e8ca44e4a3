# mpy-cross -march=ARCH
# viper ptr32: loads and stores at variable indices, values wrap to 32 bits
import micropython
import array

@micropython.viper
def twist(a, n: int, k: int):
    p = ptr32(a)
    i = 0
    while i < n:
        p[i] = p[i] * k + i
        i += 1

arr = array.array('I', [1, 2, 3, 4294967295])
twist(arr, 4, 3)
print(list(arr))
