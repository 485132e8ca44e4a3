# super() in classmethods and in diamond inheritance
class Root:
    def chain(self):
        return ["Root"]
class L(Root):
    def chain(self):
        return ["L"] + super().chain()
class R(Root):
    def chain(self):
        return ["R"] + super().chain()
class D(L, R):
    def chain(self):
        return ["D"] + super().chain()
print(D().chain())
class M:
    @classmethod
    def make(cls):
        return cls.__name__
class N(M):
    @classmethod
    def make(cls):
        return "N:" + super().make()
print(N.make())
