# dict displays with many entries, duplicate keys and computed keys
d = {1: "a", 2: "b", 1: "c"}
print(d)
k = "key"
d2 = {k: 1, k + "2": 2, (1, 2): [3], None: None}
print(d2)
big = {i: str(i) for i in range(20)}
print(len(big), big[19])
print(dict(d, **{"k3": "d"}))
print(dict(a=1, b=2), dict([("x", 1)]), dict(zip("ab", (1, 2))))
