# nested comprehensions with conditions, walrus in comprehensions, generator arguments
data = [[1, 2], [3, 4], [5]]
flat = [x for row in data for x in row if x % 2 if x > 1]
pairs = {(a, b) for a in range(3) for b in range(a)}
inv = {v: k for k, v in enumerate('abc')}
total = sum(x * x for x in range(5))
total2 = sum((x for x in range(5)), 10)
def f(n):
    return [y for x in range(n) if (y := x * 2) > 2]
last = [z := i for i in range(3)]
print(flat, sorted(pairs), inv, total, total2, f(4), last, z)
def closure(k):
    return [lambda: k + i for i in range(2)]
print([c() for c in closure(5)])
print(any(w > 3 for w in [1, 5]), max((q for q in [3, 1]), default=0))
