# lambdas with various argument forms
f = lambda: 42
g = lambda x: x + 1
h = lambda x, y=2, *a, k=3, **kw: (x, y, a, k, sorted(kw))
print(f(), g(1), h(1), h(1, 2, 3, 4, k=5, z=6))
print((lambda *a: a)(1, 2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print(list(map(lambda v: v * v, range(4))), list(filter(lambda v: v % 2, range(6))))
