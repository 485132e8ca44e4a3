# closures capturing arguments and loop variables, and class methods closing over
def outer(arg):
    results = []
    for i in range(3):
        def f(j=i):
            return arg * 10 + j
        results.append(f)
    return [f() for f in results]
print(outer(7))
def make_class(v):
    class K:
        def get(self):
            return v
    return K
print(make_class("captured")().get())
def gen_closure(base):
    def g():
        for k in range(3):
            yield base + k
    return g
print(list(gen_closure(100)()))
