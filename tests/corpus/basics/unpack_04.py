# unpacking of ranges, dict keys and sets (sorted) into names
a, b, c = range(3)
k1, k2 = {"x": 1, "y": 2}
s1, s2 = sorted({9, 4})
print(a, b, c, k1, k2, s1, s2)
(x, y), z = "ab", "c"
print(x, y, z)
