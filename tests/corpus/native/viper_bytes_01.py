# mpy-cross -march=ARCH
# viper hash over a bytes object (read-only buffer through ptr8)
import micropython

@micropython.viper
def fnv(data) -> uint:
    p = ptr8(data)
    n = int(len(data))
    h = uint(2166136261)
    for i in range(n):
        h = (h ^ uint(p[i])) * uint(16777619)
        h = h & uint(0xffffffff)
    return h

print(fnv(b'hello'), fnv(b''), fnv(b'viper'))
