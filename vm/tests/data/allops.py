# Tries to use every bytecode opcode once (compiled by mpy-cross; never run).
from m import *
import a.b.c as d
from . import e
x = 1000
y = -1000
z = 1 << 40
s = "a long string object here"
del x
t = (1, 2)
u = [1, 2]
v = {1: 2}
w = {1, 2}
q = u[1:2:3]
u[0] = 5
u[0] += 1
del u[0]
a, b = t
a, *b, c = u
o.attr = 1
del o.attr
print(*u, **v)
o.meth(*u, **v)
n = not a
n = -a
n = +a
n = ~a
n = a < b
n = a > b
n = a == b
n = a <= b
n = a >= b
n = a != b
n = a in b
n = a is b
n = a not in b
n = a | b
n = a ^ b
n = a & b
n = a << b
n = a >> b
n = a + b
n = a - b
n = a * b
n = a @ b
n = a // b
n = a / b
n = a % b
n = a ** b
a |= 1
a ^= 1
a &= 1
a <<= 1
a >>= 1
a += 1
a -= 1
a *= 1
a @= 1
a //= 1
a /= 1
a %= 1
a **= 1
n = a and b
n = a or b
n = True
n = False
n = None
n = ...
n = 1.5


def f(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17=1, *args, kw=2, **kws):
    global g
    g = p16
    del g
    p16 = 1
    del p16
    k = 0

    def inner():
        nonlocal k
        k = 1
        del k
        return k

    def inner2(q=k):
        return k

    for i in range(3):
        for j in u:
            if j:
                break
            try:
                continue
            finally:
                pass
    while a:
        try:
            raise ValueError
        except ValueError as e:
            raise
        except:
            raise TypeError from None
    with open("x") as fh:
        return [i for i in u], {i: i for i in u}, {i for i in u}
    yield 1
    yield from u


class C(B):
    def m(self):
        return super().m()

    def n(self):
        return __class__
