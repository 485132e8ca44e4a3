# list comprehensions with conditions and nested loops
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(a, b) for a in range(3) for b in range(a)])
print([c.upper() for c in "abc"])
m = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in m for i in range(len(row)) if row[i] % 2])
print([[r[c] for r in m] for c in range(3)])
