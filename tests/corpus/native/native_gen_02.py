# mpy-cross -march=ARCH
# @native generators: yield from another generator and from a list
import micropython

@micropython.native
def inner(n):
    for i in range(n):
        yield i
    return n * 10

@micropython.native
def outer():
    r = yield from inner(3)
    yield r
    yield from [7, 8]

print(list(outer()))
