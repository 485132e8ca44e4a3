# class with __eq__ and __hash__ used in sets/dicts, and __iter__/__next__
class Key:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Key) and self.k == o.k
    def __hash__(self): return hash(self.k)
d = {Key(1): "one", Key(2): "two"}
print(d[Key(2)], Key(1) in d, len({Key(3), Key(3)}))
class Rng:
    def __init__(self, n): self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i == self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Rng(4)), sum(Rng(10)))
