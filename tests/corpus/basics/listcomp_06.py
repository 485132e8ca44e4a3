# list comprehension over a dict, string and enumerate with filters using methods
d = {"b": 2, "a": 1, "c": 3}
print([k for k in d if d[k] > 1])
print([c for c in "Hello World" if c.isupper()])
print([i for i, ch in enumerate("banana") if ch == "a"])
print([w[::-1] if False else w.upper() for w in "x yz".split()])
