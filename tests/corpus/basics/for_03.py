# for loop targets that are attributes, subscripts and starred
class O:
    pass
o = O()
for o.attr in range(3):
    pass
print(o.attr)
lst = [0, 0]
for lst[0] in "xyz":
    pass
print(lst)
for first, *rest in ([1, 2, 3], [4], [5, 6]):
    print(first, rest)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
