# sequence unpacking (UNPACK_SEQUENCE) from lists, tuples, strings, generators
a, b, c = [1, 2, 3]
print(a, b, c)
x, y = "hi"
print(x, y)
p, q = (i * 2 for i in range(2))
print(p, q)
(m,) = [42]
print(m)
try:
    u, v = [1, 2, 3]
except ValueError:
    print("too many values")
try:
    u, v, w = (1,)
except ValueError:
    print("not enough values")
