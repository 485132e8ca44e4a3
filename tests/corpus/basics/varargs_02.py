# **kwargs collection and passing (CALL_FUNCTION_VAR_KW)
def f(**kw):
    return sorted(kw.items())
print(f(), f(a=1), f(b=2, a=1))
d = {"x": 1, "y": 2}
print(f(**d), f(z=0, **d))
def g(a, b, **kw):
    return a, b, sorted(kw)
print(g(1, b=2, c=3), g(**{"a": 1, "b": 2, "c": 3}))
def h(*a, **k):
    return a, sorted(k.items())
print(h(*[1, 2], **{"k": 3}), h(1, *[2], 3, k=4, **{"j": 5}))
