# extended unpacking with a starred target (UNPACK_EX)
a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = "xyz"
print(c, d)
e, *f, g = range(6)
print(e, f, g)
h, *i, j, k = 1, 2, 3
print(h, i, j, k)
*l, = (5, 6)
print(l)
first, *_, last = "abcdefg"
print(first, last)
