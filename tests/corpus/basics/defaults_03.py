# defaults in methods, lambdas and closures (MAKE_CLOSURE_DEFARGS)
class C:
    def m(self, v=3):
        return v * 2
print(C().m(), C().m(5))
lam = lambda a, b=10: a + b
print(lam(1), lam(1, 1))
def outer(n):
    def inner(x=n * 2):
        return x + n
    return inner
f = outer(3)
print(f(), f(100))
def outer2(k):
    return lambda q=1, *, r=2: q + r + k
print(outer2(100)(), outer2(100)(r=0))
