# is, is not, in, not in on various containers
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x is not z, x == z)
print(None is None, 1 in x, 3 not in x, "a" in "cat", "k" in {"k": 1})
print(2 in (1, 2), 5 not in range(5), 4 in range(5))
print(not (1 in x), not 1 in x)
s = {1, 2, 3}
print(2 in s, 9 not in s)
