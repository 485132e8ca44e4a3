# set methods and operators, in-place set operators
a = {1, 2, 3}
a |= {4}
a &= {1, 2, 4, 5}
a -= {2}
a ^= {9, 1}
print(sorted(a))
a.add(7)
a.discard(100)
a.remove(7)
print(sorted(a), a.issubset({4, 9, 10}), {4}.issubset(a))
print(sorted(frozenset([3, 1])), 3 in frozenset([3]))
