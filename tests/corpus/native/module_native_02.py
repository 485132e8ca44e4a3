# mpy-cross -march=ARCH -X emit=native
# whole module native: classes, methods, properties and inheritance
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def __repr__(self):
        return '%s(%s)' % (self.name, self.area())

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = 'square'

print([Rect(2, 3), Square(4), Shape('blob')])
