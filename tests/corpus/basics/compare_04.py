# rich comparison methods on user classes
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __eq__(self, o): return self.v == o.v
    def __ne__(self, o): return self.v != o.v
    def __repr__(self): return "K%d" % self.v
a, b = K(1), K(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([K(3), K(1), K(2)]))
print(a < b < K(3))
