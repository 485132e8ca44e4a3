data = {k: [v * 2 for v in range(k) if v] for k in range(4)}
assert data, "empty"
print(sum(x for x in data), {len(v) for v in data.values()})
