# special methods: __len__, __getitem__, __setitem__, __contains__, __call__, __str__
class Bag:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d.get(k, 0)
    def __delitem__(self, k):
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
    def __call__(self, *a):
        return "called with %r" % (a,)
    def __str__(self):
        return "Bag(%d)" % len(self)
b = Bag()
b["x"] = 1
b["y"] = 2
del b["x"]
print(b["y"], b["x"], len(b), "y" in b, b(1, 2), str(b))
