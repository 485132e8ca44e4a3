# with statements with several items and nested with blocks
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
with CM(1) as a, CM(2) as b, CM(3):
    print("body", a, b)
with CM("outer"):
    with CM("inner") as i:
        print("nested", i)
def f():
    with CM("f1") as x, CM("f2") as y:
        return x + y
print(f())
