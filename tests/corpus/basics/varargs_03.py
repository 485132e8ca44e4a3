# *args and **kwargs passed to method calls (CALL_METHOD_VAR_KW)
class T:
    def m(self, *a, **k):
        return a, sorted(k.items())
t = T()
args = (1, 2)
kwargs = {"z": 26}
print(t.m(*args))
print(t.m(**kwargs))
print(t.m(0, *args, y=25, **kwargs))
print("{}-{}".format(*args))
print("{a}{b}".format(**{"a": "A", "b": "B"}))
s = []
s.extend(*[[1, 2]])
print(s)
