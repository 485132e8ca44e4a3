# generator expressions passed as the only argument without extra parentheses
print(sum(x for x in range(5)))
print(list(c.upper() for c in "ab"))
print(sorted(x % 3 for x in range(7)))
print("".join(str(i) for i in range(5)))
print(dict((i, i * i) for i in range(3)))
print(set(x // 2 for x in range(6)) == {0, 1, 2})
