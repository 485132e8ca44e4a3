# mpy-cross -march=ARCH
# @micropython.native on a class body: every method is native
import micropython

@micropython.native
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self
    def __str__(self):
        return 'Counter(%d)' % self.n

c = Counter().inc().inc(5)
print(c, c.n)
