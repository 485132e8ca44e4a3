# default values that are closures, classes and computed from earlier defaults' globals
BASE = 3
def f(a=BASE, b=BASE * 2, c=lambda: BASE):
    return a, b, c()
BASE = 100
print(f())
class D:
    pass
def g(cls=D, inst=D()):
    return cls.__name__, type(inst).__name__
print(g())
