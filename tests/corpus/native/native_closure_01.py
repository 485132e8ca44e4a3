# mpy-cross -march=ARCH
# @native closures: capture arguments and locals, nonlocal updates
import micropython

@micropython.native
def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter(10)
print(c(), c(5), c())
