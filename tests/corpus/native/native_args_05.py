# mpy-cross -march=ARCH
# @native default values evaluated once at definition time
import micropython

@micropython.native
def append(v, acc=[]):
    acc.append(v)
    return len(acc)

print(append(1), append(2), append(3, []), append(4))
