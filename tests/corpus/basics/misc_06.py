# list methods: append, extend, insert, remove, pop, index, count, sort, reverse, copy
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0)
print(l)
l.remove(3)
print(l.pop(), l.pop(0), l)
print(l.index(2), l.count(1))
l.sort(); print(l)
l.reverse(); print(l)
m = l.copy(); m.append(9)
print(l, m, l * 2, l + m)
l.sort(key=lambda v: -v if v % 2 else v)
print(l)
l.clear(); print(l)
