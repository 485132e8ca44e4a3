# mpy-cross -march=ARCH -X emit=native
# whole module native: lambda, map, filter and sorted with keys at module level
data = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(data), sorted(data, key=lambda t: t[1], reverse=True))
print(list(map(lambda t: t[0] * 10, data)), list(filter(lambda t: t[0] > 1, data)))
