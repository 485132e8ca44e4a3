# not operator and boolean contexts of various objects
for v in (0, 1, -1, 0.0, "", "a", [], [0], (), {}, None, True, False):
    print(repr(v), not v, bool(v))
class B:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(not B(), bool(L()), not not L())
