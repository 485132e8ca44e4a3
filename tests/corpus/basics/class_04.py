# static methods, class methods and properties
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 // 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 // 9
    @staticmethod
    def describe():
        return "temperature"
    @classmethod
    def zero(cls):
        return cls(0)
t = Temp(100)
print(t.f)
t.f = 50
print(t._c, Temp.describe(), Temp.zero().f, Temp.zero().scale)
