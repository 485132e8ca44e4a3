# double-underscore attribute names are not mangled by MicroPython (same name inside and outside)
class Secret:
    def __init__(self):
        self.__hidden = 42
    def get(self):
        return self.__hidden
s = Secret()
print(s.get())
print(getattr(s, "__hidden", "mangled"), getattr(s, "_Secret__hidden", "not mangled"))
