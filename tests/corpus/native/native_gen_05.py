# mpy-cross -march=ARCH
# @native generator functions as methods, iterated by for loops
import micropython

class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids
    @micropython.native
    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()

t = Tree(1, (Tree(2, (Tree(3),)), Tree(4)))
print(list(t.walk()))
