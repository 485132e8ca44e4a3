# for loops over lists, tuples, strings, dicts and sets
for x in [1, "a", None]:
    print(x)
for ch in "hi":
    print(ch)
d = {"one": 1, "two": 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
for v in sorted({3, 1, 2}):
    print(v)
for a, b in ((1, 2), (3, 4)):
    print(a + b)
