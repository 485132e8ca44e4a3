# a lambda containing yield is a generator function
g = lambda: (yield 1)
print(list(g()))
h = lambda n: (yield from range(n))
print(list(h(3)))
it = (lambda: (yield "sent"))()
print(next(it))
try:
    it.send("value")
except StopIteration as e:
    print("StopIteration", e.args)
