# mpy-cross -march=ARCH
# @native classmethod and staticmethod decorators stacked on native functions
import micropython

class Temp:
    def __init__(self, c):
        self.c = c
    @classmethod
    @micropython.native
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)
    @staticmethod
    @micropython.native
    def scale():
        return 'celsius'

t = Temp.from_f(212)
print(t.c, Temp.scale())
