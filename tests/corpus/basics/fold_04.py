# folding producing small ints, boundary values and big-int objects
a = 1073741823 + 0
b = 1073741823 + 1
c = -1073741824 - 1
d = 1 << 29
e = (1 << 30) - 1
f = -(1 << 30)
print(a, b, c, d, e, f)
print(0x7FFFFFFF * 2, 4611686018427387904 * 2)
print(100000 * 100000, -100000 * 100000)
print(1 - 2 - 3 - 4 - 5, 3 ** 3 ** 2)
