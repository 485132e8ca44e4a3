# keyword arguments passed through **dicts and keyword-only receivers
def f(*, x, y=0, **rest):
    return x, y, sorted(rest.items())
kw = {"x": 1, "z": 3}
print(f(**kw))
print(f(y=5, **kw))
print(f(x=2, **{"q": 1, "r": 2}))
def g(a, b, *, key=None):
    return (a, b, key)
args = (1, 2)
print(g(*args, key="k"))
