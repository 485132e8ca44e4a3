# comprehensions with unpacking targets and walrus inside
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([s * n for n, s in pairs])
print([a + b for (a, b) in zip([1, 2], [10, 20])])
print([y for x in range(6) if (y := x * x) > 5])
print([[i for i in range(j)] for j in range(4)])
