# instance attributes via setattr/getattr/hasattr/delattr, and __getattr__
class Dyn:
    def __getattr__(self, name):
        return "dyn_" + name
d = Dyn()
d.real = 1
print(d.real, d.missing, getattr(d, "other"))
setattr(d, "k", 5)
print(d.k, hasattr(d, "k"))
delattr(d, "k")
print(d.k)
class Plain:
    pass
p = Plain()
print(getattr(p, "nope", "default"), hasattr(p, "nope"))
