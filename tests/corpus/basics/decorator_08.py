# decorator applied to a nested function and to a method using the enclosing scope
def outer(tag):
    def deco(fn):
        return lambda *a: "%s:%s" % (tag, fn(*a))
    @deco
    def inner(x):
        return x * 2
    class K:
        @deco
        def m(self, y):
            return y + 1
    return inner(5), K().m(1)
print(outer("T"))
