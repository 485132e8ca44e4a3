# const values that fold further: arithmetic, shifts, bitwise and big results
_X = const(3)
_Y = const(_X * 4 + 1)
_Z = const(_Y << 20)
_BIG = const(1 << 70)
_MASK = const(~0xFF & 0xFFFF)
print(_X, _Y, _Z, _BIG, _MASK)
print(_Z >> _X, _BIG // (1 << 60))
vals = [_X, _Y, _X * _Y]
print(vals)
