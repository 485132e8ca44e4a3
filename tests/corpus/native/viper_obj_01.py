# mpy-cross -march=ARCH
# viper with objects: list indexing with native ints, attribute stores of native values
import micropython

class Box:
    pass

@micropython.viper
def fill(lst, box, n: int):
    for i in range(n):
        lst[i] = i * i
    box.count = n
    box.flag = n > 3
    box.half = uint(n) >> 1

@micropython.viper
def get(lst, i: int):
    return lst[i]

l = [0] * 5
b = Box()
fill(l, b, 5)
print(l, b.count, b.flag, b.half, get(l, 3))
