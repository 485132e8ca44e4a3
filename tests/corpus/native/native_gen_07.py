# mpy-cross -march=ARCH
# @native generator expression consumed by sum/max/any and a list comprehension with a condition
import micropython

@micropython.native
def stats(xs):
    return (sum(x * x for x in xs), max(x for x in xs if x < 5),
            any(x > 8 for x in xs), [x for x in xs if x % 2])

print(stats([1, 4, 6, 9, 3]))
