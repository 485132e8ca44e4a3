# operator overloading for reflected operations (__radd__, __rmul__) and __iadd__ fallback
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __mul__(self, o): return N(self.v * o)
    def __rmul__(self, o): return N(o * self.v * 10)
    def __repr__(self): return "N(%d)" % self.v
print(N(1) + 2, 3 + N(1), N(2) * 3, 3 * N(2))
x = N(5)
x += 1
print(x, sum([N(1), N(2)], N(0)))
