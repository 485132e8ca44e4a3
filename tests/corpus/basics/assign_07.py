# assignment targets with starred and nested forms inside for loops and with statements
pairs = [(1, (2, 3)), (4, (5, 6))]
for a, (b, c) in pairs:
    print(a + b + c)
rows = [[1, 2, 3, 4], [5, 6, 7, 8]]
for first, *mid, last in rows:
    print(first, mid, last)
class CM:
    def __enter__(self): return [1, [2, 3]]
    def __exit__(self, *a): pass
with CM() as [x, [y, z]]:
    print(x, y, z)
