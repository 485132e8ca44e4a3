# unpacking with many targets (more than 16 locals in a function)
def f(seq):
    a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q, r, s = seq
    return s + r + a, q, p
print(f(range(18)))
def g(seq):
    v00, v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15, *rest, last = seq
    return v15, rest, last
print(g(range(20)))
