# in-place operators on attributes and subscripts (DUP_TOP_TWO, ROT_THREE)
class P:
    def __init__(self):
        self.n = 1
        self.l = [1, 2, 3]
p = P()
p.n += 10
p.n *= 3
print(p.n)
p.l[1] += 100
p.l[-1] **= 2
print(p.l)
d = {"k": 5}
d["k"] -= 1
d["k"] <<= 4
print(d)
m = [[1, 2], [3, 4]]
m[0][1] ^= 7
m[1][0] //= 2
print(m)
