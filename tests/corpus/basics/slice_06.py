# slice assignment with list values built by a comprehension and list()
l = [0] * 6
l[1:4] = [i * 10 for i in range(3)]
print(l)
l[4:] = list("xy")
print(l)
l[:0] = [-1]
print(l)
