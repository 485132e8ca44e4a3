# boolean operators with non-bool operands inside comprehensions and conditions
vals = [0, 1, "", "x", None, [], [0]]
print([v or "D" for v in vals])
print([v and "T" for v in vals])
print([not v for v in vals])
print(all(vals), any(vals), all([]), any([]))
