# keyword-only arguments combined with *args and defaults in lambdas and closures
def outer(scale):
    def inner(*vals, offset=0, **extra):
        return [v * scale + offset for v in vals], sorted(extra)
    return inner
f = outer(10)
print(f(1, 2), f(1, offset=5, tag="t"))
g = lambda *a, k=1: [x * k for x in a]
print(g(1, 2), g(3, k=3))
