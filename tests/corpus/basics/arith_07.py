# matrix multiply operator dispatches to __matmul__ and __imatmul__
class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return M(self.v * o.v + 1)
    def __imatmul__(self, o):
        self.v = self.v - o.v
        return self
    def __repr__(self): return "M(%r)" % self.v
a = M(3)
b = M(4)
print(a @ b)
a @= b
print(a)
try:
    1 @ 2
except TypeError:
    print("TypeError for ints")
