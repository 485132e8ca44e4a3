# const names used as attribute names and dict keys (strings) are not replaced
_N = const(3)
class O:
    pass
o = O()
o._N = "attribute not replaced"
print(o._N, _N)
def f(**kw):
    return sorted(kw)
print(f(N=_N))
d = {"_N": _N}
print(d)
