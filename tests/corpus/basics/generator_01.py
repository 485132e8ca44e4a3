# basic generators: yield values, next(), StopIteration
def gen():
    yield 1
    yield 2
    yield 3
g = gen()
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(list(gen()), sum(gen()))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)))
