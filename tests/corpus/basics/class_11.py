# class attributes referencing each other and methods defined conditionally
class Cfg:
    base = 2
    double = base * 2
    if double > 3:
        def mode(self):
            return "big"
    else:
        def mode(self):
            return "small"
    names = ("a", "b")
    first = names[0]
print(Cfg.double, Cfg().mode(), Cfg.first)
