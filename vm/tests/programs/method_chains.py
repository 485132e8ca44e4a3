# method calls vs parenthesised attribute calls, targets with calls in the prefix
class O:
    def __init__(self):
        self.v = [1, 2, 3]
        self.d = {}
    def get(self):
        return self
    def m(self, *a, **k):
        return a, k
o = O()
print(o.m(1, 2), (o.m)(3), o.get().m(x=1), (o.get)().m())
o.get().v[0] = 10
o.get().d['k'] = 5
o.get().v[1] += 7
del o.get().d['k']
o.get().w = 3
print(o.v, o.d, o.w)
args = [1, 2]
kw = {'a': 1}
print(o.m(*args, **kw), o.m(0, *args, 9, **kw), o.m(*args, b=2))
print(sorted(o.m(**kw)[1]), o.m(*args)[0])
