# mpy-cross -march=ARCH
# @native: walrus operator, conditional expressions and chained comparisons on objects
import micropython

@micropython.native
def f(xs):
    out = []
    for x in xs:
        if (y := x * 2) > 5:
            out.append(y if 1 < x <= 4 else -y)
    return out

print(f([1, 2, 3, 4, 5]))
