# nonlocal with multiple names and in generator functions
def make():
    a = b = 0
    def step(n):
        nonlocal a, b
        a, b = b, a + n
        return a, b
    return step
s = make()
print(s(1), s(2), s(3))
def acc():
    total = 0
    def gen(values):
        nonlocal total
        for v in values:
            total += v
            yield total
    return gen, lambda: total
g, get = acc()
print(list(g([1, 2, 3])), get())
