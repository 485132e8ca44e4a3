# augmented and plain subscript stores with tuple indices and string keys on dicts
grid = {}
for r in range(2):
    for c in range(2):
        grid[r, c] = r * 10 + c
grid[1, 1] += 100
print(sorted(grid.items()))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
