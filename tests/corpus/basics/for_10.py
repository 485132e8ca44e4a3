# for loop over dict while building a new one, and over list copy while mutating the original
d = {"a": 1, "b": 2, "c": 3}
inv = {}
for k, v in d.items():
    inv[v] = k
print(inv)
l = [1, 2, 3, 4]
for v in l[:]:
    if v % 2:
        l.remove(v)
print(l)
