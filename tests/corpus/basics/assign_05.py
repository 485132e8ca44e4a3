# annotated assignments at module, class and function level
x: int = 5
y: "str"
print(x)
class C:
    a: int = 3
    b: list
    def m(self):
        z: float = 1.5
        w: int
        return z + self.a
print(C.a, C().m())
def f():
    q: tuple = (1, 2)
    return q
print(f())
try:
    print(y)
except NameError as e:
    print("NameError", e)
