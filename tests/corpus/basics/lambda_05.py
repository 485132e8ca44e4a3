# lambda as default argument value and as class attribute
def apply(v, fn=lambda x: x * 2):
    return fn(v)
print(apply(4), apply(4, lambda x: -x))
class K:
    f = lambda self, n: n + 1
    g = staticmethod(lambda n: n * 100)
print(K().f(1), K.g(2))
