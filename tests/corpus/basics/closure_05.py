# cells for parameters that are captured, and deleted closed-over variables
def f(a, b):
    def g():
        return a * b
    a += 1
    return g()
print(f(2, 3))
def h():
    x = 5
    def inner():
        return x
    v = inner()
    del x
    try:
        inner()
    except NameError as e:
        print("NameError after del")
    return v
print(h())
