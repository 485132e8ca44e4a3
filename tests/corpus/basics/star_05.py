# * and ** in calls to methods, constructors and builtins
class P:
    def __init__(self, *parts, **opts):
        self.parts = parts
        self.opts = opts
p = P(*"ab", *[1], sep="-", **{"end": "!"})
print(p.parts, sorted(p.opts.items()))
print(dict(**{"a": 1}, b=2))
print(list(zip(*[[1, 2], [3, 4], [5, 6]])))
print(max(*[3, 7, 5]), min(*"zyx"))
