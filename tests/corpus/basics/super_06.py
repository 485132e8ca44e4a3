# super() used for properties and __repr__ of built-in subclasses
class MyList(list):
    def append(self, v):
        super().append(v * 2)
l = MyList()
l.append(1)
l.append(5)
print(l, len(l))
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
d = MyDict()
d["a"] = 1
print(d)
