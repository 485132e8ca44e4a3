# Every kind of constant object: long str, bytes, big ints, floats, complex, tuples (nested), Ellipsis.
a = "a string longer than ten bytes"
b = b"bytes"
c = b""
d = 1 << 40
e = -(10**30)
f = 0.1
g = 1e100
h = -0.0
i = float("nan")
j = 1.5j
k = (1, "two", 3.0, (4, (5, b"six")), None, True, False, ...)
l = 1e400
m = 1e400 - 1e400
n = 2**31 - 1
o = ("x", 0x7FFFFFFF, -(2**30) - 1)
p = 5e-324
q = 1e-323
print(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, ...)
