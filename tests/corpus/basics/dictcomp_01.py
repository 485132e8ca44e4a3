# dict comprehensions and dict displays
print({k: k * k for k in range(5)})
words = ["apple", "bob", "kiwi"]
print({w: len(w) for w in words if len(w) > 3})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({(i, j): i * j for i in range(2) for j in range(2)})
d = dict({"x": 1, "y": 2}, z=3)
print(d)
def inv(m):
    return {v: k for k, v in m.items()}
print(inv(d))
