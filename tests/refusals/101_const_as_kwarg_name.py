# a const name used as a keyword argument name is replaced by its value
_N = const(3)
print(dict(_N=1))
