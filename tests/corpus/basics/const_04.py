# const defined inside a function is still substituted afterwards at module level
def setup():
    _LIMIT = const(99)
    return _LIMIT + 1
print(setup())
_K = const(5)
class C:
    size = _K * 2
    def m(self, v=_K):
        return v + _K
print(C.size, C().m(), C().m(1))
print([_K for _ in range(2)])
