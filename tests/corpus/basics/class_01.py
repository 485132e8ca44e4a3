# class definition with attributes, methods, __init__ and instance state
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims)
print(type(p).__name__, isinstance(p, Point))
