# __repr__ vs __str__ in print, str(), repr() and containers
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(R(), S(), [R(), S()], str(S()), repr(S()))
print("%s %r" % (S(), S()), "{} {!r}".format(S(), S()))
