# arithmetic via operator-overloading dunder methods
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return self
    def __invert__(self): return V(self.y, self.x)
    def __eq__(self, o): return self.x == o.x and self.y == o.y
    def __repr__(self): return "V(%d,%d)" % (self.x, self.y)
a = V(1, 2)
b = V(5, 7)
print(a + b, b - a, a * 3, -a, +b, ~b)
print(a + b == V(6, 9), a == b)
