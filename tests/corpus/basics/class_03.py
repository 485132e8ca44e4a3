# class-level code, class attributes computed in the body, and __qualname__/__module__
class C:
    items = [i * i for i in range(4)]
    total = sum(items)
    name = "C" + "!"
    if total > 10:
        big = True
    else:
        big = False
    def f(self):
        return self.total
print(C.items, C.total, C.name, C.big, C().f())
print(C.__name__)
