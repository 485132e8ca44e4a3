# dictionary views: keys/values/items iteration order after updates and deletes
d = {}
for k in "dcba":
    d[k] = ord(k)
del d["c"]
d["c"] = 0
d["d"] = 1
print(list(d), list(d.values()), list(d.items()))
print(len(d.keys()), "a" in d.keys())
