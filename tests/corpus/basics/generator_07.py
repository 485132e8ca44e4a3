# generator with return value captured via StopIteration and generator expressions as args
def g():
    yield 1
    return "ret"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.args)
def count(n):
    i = 0
    while i < n:
        i += 1
        yield i
print(max(count(5)), min(x * 2 for x in count(4)))
