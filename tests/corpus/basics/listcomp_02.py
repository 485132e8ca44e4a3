# list comprehensions in functions capturing locals and arguments
def scale(v, k):
    return [x * k for x in v]
print(scale([1, 2, 3], 10))
def grid(n):
    off = 100
    return [[off + r * n + c for c in range(n)] for r in range(n)]
print(grid(2))
def filt(data, lo, hi):
    return [d for d in data if lo <= d < hi]
print(filt(range(20), 5, 9))
x = "outer"
print([x for x in "in"], x)
