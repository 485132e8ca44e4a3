# class statement with keyword arguments (compiled as keywords to __build_class__, refused at run time)
class Base:
    pass
try:
    class WithMeta(Base, flag=True):
        pass
    print("created", WithMeta.__name__)
except TypeError as e:
    print("TypeError:", e)
kw = {"extra": 1}
try:
    class WithStar(*(Base,), **kw):
        pass
    print("created", WithStar.__name__)
except TypeError as e:
    print("TypeError:", e)
