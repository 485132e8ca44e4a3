# comprehension iteration variable does not leak and nested comprehension scopes
i = "outer i"
squares = [i * i for i in range(4)]
print(i, squares)
m = [[(r, c) for c in range(2)] for r in range(2)]
print(m)
print([x for x in [y for y in range(5) if y % 2] if x > 1])
def f(n):
    return [[n * a + b for b in range(n)] for a in range(n)]
print(f(3))
