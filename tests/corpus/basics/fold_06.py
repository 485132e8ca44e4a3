# constant tuples and tuples of folded values become single constants
t = (1, 2, 3)
u = (1, "two", 3.0, None, True, b"by", (4, 5), -1, 2 ** 40)
v = ()
w = (1 + 1,)
print(t, u, v, w)
def ret():
    return 1, 2 * 3, "x"
print(ret())
def ret2(a):
    return a, 1
print(ret2(0))
print(((1, 2), (3, (4, (5,)))))
