# dict methods: get, pop, popitem, update, keys/values/items, copy
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"d": 4}, e=5)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e["a"] = 100
print(d["a"], e["a"], len(e))
print(d.popitem() if d else None, d)
d.clear()
print(d, dict.fromkeys("ab", 0))
