# unpacking dict items and nested structures in loops and functions
d = {"a": 1, "b": 2}
for key, (val, sq) in zip(d, ((v, v * v) for v in d.values())):
    print(key, val, sq)
def split(pair):
    (x1, y1), (x2, y2) = pair
    return x2 - x1, y2 - y1
print(split(((0, 0), (3, 4))))
[a, [b, c]] = 1, (2, 3)
print(a, b, c)
