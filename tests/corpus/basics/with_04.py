# with statement target is an attribute, subscript or tuple
class CM:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return None
class O:
    pass
o = O()
with CM() as o.attr:
    pass
print(o.attr)
d = {}
with CM() as d["k"]:
    pass
print(d)
with CM() as (p, q):
    print(p, q)
