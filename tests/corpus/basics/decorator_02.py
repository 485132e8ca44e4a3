# decorators with expressions: attribute access, calls and subscripts
class Reg:
    def __init__(self):
        self.fns = {}
    def add(self, key):
        def deco(fn):
            self.fns[key] = fn
            return fn
        return deco
reg = Reg()
@reg.add("one")
def one():
    return 1
@reg.add("two")
def two():
    return 2
print(sorted(reg.fns), reg.fns["two"]())
class NS:
    pass
ns = NS()
ns.inner = NS()
ns.inner.deco = lambda f: (lambda: f() * 100)
@ns.inner.deco
def hundred():
    return 7
print(hundred())
