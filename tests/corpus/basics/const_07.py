# const() folding with other consts and math constants, used as default args and in tuples
_A = const(4)
_B = const(_A * _A - 1)
_C = const(-_B)
T = (_A, _B, _C)
def f(x=_B):
    return x + _A
print(T, f(), f(0), _C * 2)
