# dict comprehension that groups values and one that inverts with collisions
words = ["ant", "bee", "cat", "ape", "bat"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
first = {w[0]: w for w in words}
print(first)
lens = {len(w): w for w in words + ["ox"]}
print(lens)
