# mpy-cross -march=ARCH
# @native: tuple swap, multiple assignment targets and nested unpacking
import micropython

@micropython.native
def f():
    a, b = 1, 2
    a, b = b, a
    x = y = [a, b]
    (p, q), r = (a, b), 9
    a, b, c = c2 = (3, 4, 5)
    return a, b, c, c2, x is y, p, q, r

print(f())
