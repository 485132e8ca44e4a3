# mpy-cross -march=ARCH -X emit=native
# whole module native with a viper kernel defined by decorator
import micropython

@micropython.viper
def dot(a, b, n: int) -> int:
    pa = ptr8(a)
    pb = ptr8(b)
    s = 0
    for i in range(n):
        s += pa[i] * pb[i]
    return s

x = bytearray([1, 2, 3])
y = bytearray([4, 5, 6])
print(dot(x, y, 3))
