# super() in __init__ and regular methods (LOAD_SUPER_METHOD)
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def get(self):
        return super().get() + self.w
print(B(1, 2).get())
class C(B):
    def get(self):
        return super().get() * 10
print(C(1, 2).get())
