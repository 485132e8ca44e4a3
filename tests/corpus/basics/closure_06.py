# closures in comprehensions and generators capture the enclosing function's variables
def f(k):
    return [lambda: k * i for i in range(3)]
print([g() for g in f(2)])
def h(k):
    m = k + 1
    return list(m * x for x in range(3))
print(h(4))
def outer():
    v = 1
    def inner():
        return [v + j for j in range(2)]
    v = 10
    return inner()
print(outer())
