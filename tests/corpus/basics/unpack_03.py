# unpacking returned values and swapping via attributes and subscripts
class P:
    pass
p = P()
p.a, p.b = 1, 2
p.a, p.b = p.b, p.a
print(p.a, p.b)
l = [1, 2, 3]
l[0], l[2] = l[2], l[0]
print(l)
def mm(xs):
    return min(xs), max(xs)
lo, hi = mm([4, 9, 2])
print(lo, hi)
a = b = c = 0
a, b, c = c + 1, a + 2, b + 3
print(a, b, c)
