# tuple/list targets, swapping and nested unpacking
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = b, c, a = 7, 8, 9
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = "xy"
print(s, t)
x, (y, [z, w]) = 1, (2, [3, 4])
print(x, y, z, w)
i, j, k = range(3)
print(i, j, k)
