# a const name assigned a second time
_A = const(1)
_A = const(2)
