# enumerate/zip/range objects and their lengths, indexing and membership
r = range(2, 20, 3)
print(len(r), r[0], r[-1], 5 in r, 6 in r, list(r[1:3]) if hasattr(r, "__getitem__") else [])
print(list(enumerate("xy", start=5)))
z = zip(range(3), "abc", [True, False, None])
print(list(z))
