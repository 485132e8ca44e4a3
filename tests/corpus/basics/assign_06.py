# assignments with the same value many times and long chains of names
v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = 42
print(v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8)
s = 0
for name in ("v1", "v4", "v8"):
    s += globals()[name]
print(s)
a = b = c = [1]
a += [2]
print(a, b, c)
