# mpy-cross -march=ARCH
# @native closures: nested three levels deep with nonlocal at each level
import micropython

@micropython.native
def outer():
    a = 1
    def middle():
        nonlocal a
        b = 10
        def inner():
            nonlocal a, b
            a += 1
            b += 1
            return a + b
        return inner
    return middle()

f = outer()
print(f(), f(), f())
