# super() with explicit arguments and super attribute access
class A:
    name = "A-name"
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f/" + super(B, self).f()
    def attr(self):
        return super().name
print(B().f(), B().attr())
class C(B):
    def f(self):
        s = super()
        return "C.f/" + s.f()
print(C().f())
