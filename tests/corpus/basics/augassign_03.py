# in-place operators on sequences and user types with __iadd__
a = [1]
b = a
a += [2, 3]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u)
s = "ab"
s *= 3
print(s)
class Acc:
    def __init__(self): self.v = []
    def __iadd__(self, o):
        self.v.append(o)
        return self
    def __isub__(self, o):
        self.v.remove(o)
        return self
acc = Acc()
acc += 1
acc += 2
acc -= 1
print(acc.v)
