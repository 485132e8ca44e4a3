# slice assignment and deletion on lists
l = list(range(8))
l[1:3] = ["a", "b", "c"]
print(l)
l[:2] = []
print(l)
l[-2:] = [99]
print(l)
l[0:2] = [0] * len(l[::2])
print(l)
del l[1:3]
print(l)
l[len(l):] = [7, 8]
print(l)
