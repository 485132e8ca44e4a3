# mpy-cross -march=ARCH
# viper insertion sort on an array of signed 32-bit values read through ptr32
import micropython
import array

@micropython.viper
def isort(a, n: int):
    p = ptr32(a)
    for i in range(1, n):
        key = p[i]
        j = i - 1
        while j >= 0 and p[j] > key:
            p[j + 1] = p[j]
            j -= 1
        p[j + 1] = key

arr = array.array('I', [5, 2, 9, 1, 7, 3])
isort(arr, 6)
print(list(arr))
