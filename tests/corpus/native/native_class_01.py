# mpy-cross -march=ARCH
# @native methods in a class, super() calls and attribute updates
import micropython

class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return 'Base(%d)' % self.v

class Derived(Base):
    @micropython.native
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    @micropython.native
    def describe(self):
        return super().describe() + '+%d' % self.w

d = Derived(3, 4)
print(d.describe(), d.v, d.w)
