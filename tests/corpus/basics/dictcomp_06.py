# dict comprehension with tuple unpacking of enumerate and zip, and filtering on values
names = ["a", "b", "c"]
vals = [3, 0, 5]
print({n: v for n, v in zip(names, vals) if v})
print({i: n for i, n in enumerate(names, 1)})
print({n: {v} for n, v in zip(names, vals)})
