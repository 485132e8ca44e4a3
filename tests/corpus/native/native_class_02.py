# mpy-cross -march=ARCH
# @native __repr__, __eq__, __len__ and __getitem__ on a small container class
import micropython

class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    @micropython.native
    def __repr__(self):
        return 'Vec(%s)' % ', '.join(str(x) for x in self.xs)
    @micropython.native
    def __eq__(self, other):
        return self.xs == other.xs
    @micropython.native
    def __len__(self):
        return len(self.xs)
    @micropython.native
    def __getitem__(self, i):
        return self.xs[i]

v = Vec(1, 2, 3)
print(v, len(v), v[1], v == Vec(1, 2, 3), v == Vec(3))
