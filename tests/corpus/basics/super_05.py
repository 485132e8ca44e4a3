# super() calling __init__ through several levels with keyword arguments
class A:
    def __init__(self, **kw):
        self.log = ["A%r" % sorted(kw)]
class B(A):
    def __init__(self, b=1, **kw):
        super().__init__(**kw)
        self.log.append("B%d" % b)
class C(B):
    def __init__(self, c=2, **kw):
        super().__init__(b=c * 10, **kw)
        self.log.append("C%d" % c)
print(C(c=3, z=1).log)
