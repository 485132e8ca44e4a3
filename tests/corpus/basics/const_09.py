# const names used inside nested functions, lambdas, comprehensions and class bodies
_K = const(7)
def outer():
    def inner():
        return _K * 2
    return inner() + (lambda: _K)()
print(outer(), [_K + i for i in range(2)])
class C:
    v = _K
    def m(self):
        return self.v + _K
print(C().m())
