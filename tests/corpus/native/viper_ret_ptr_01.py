# mpy-cross -march=ARCH
# viper untyped ptr parameter, cast to ptr16 inside
import micropython
import array

@micropython.viper
def sum16(p: ptr, n: int) -> int:
    q = ptr16(p)
    s = 0
    for i in range(n):
        s += q[i]
    return s

arr = array.array('H', [1, 2, 3, 4])
print(sum16(arr, 4))
