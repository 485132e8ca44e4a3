# frozenset and set comprehension over strings and tuples
vowels = frozenset("aeiou")
print(sorted({c for c in "programming" if c in vowels}))
coords = {(x, y) for x in range(2) for y in range(2)}
print(sorted(coords))
print(len({(1, 2), (1, 2), (2, 1)}))
