# mpy-cross -march=ARCH
# @native: unpacking, star-unpacking, slices, del of locals and items
import micropython

@micropython.native
def shuffle(seq):
    a, b, *mid, z = seq
    head = seq[:2]
    tail = seq[-2:]
    step = seq[::2]
    d = {'x': 1, 'y': 2}
    del d['x']
    lst = list(seq)
    del lst[0]
    tmp = 5
    del tmp
    return a, b, mid, z, head, tail, step, d, lst

print(shuffle([1, 2, 3, 4, 5, 6]))
