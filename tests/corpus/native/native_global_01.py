# mpy-cross -march=ARCH
# @native: global reads and writes, imports inside a native function
import micropython

total = 0

@micropython.native
def add(n):
    global total
    import math
    total += n
    return math.sqrt(total)

print(add(9), add(7), total)
