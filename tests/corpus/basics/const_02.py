# const() without an import, const tuples, strings, bytes and floats
A = const(1 << 10)
_B = const((1, 2, 3))
_S = const("a constant string value")
_BY = const(b"\x01\x02")
_F = const(2.5)
_NEG = const(-7)
print(A, _B, _S, _BY, _F, _NEG)
print(A + _NEG, _B[1], len(_S), _F * 2)
def f():
    return _B + (A,)
print(f())
