# calling with keyword arguments that duplicate positional ones, and call-order of argument evaluation
def f(a, b, c=0):
    return a, b, c
def trace(v):
    print("arg", v)
    return v
print(f(trace(1), c=trace(3), b=trace(2)))
try:
    f(1, 2, a=3)
except TypeError:
    print("TypeError multiple values")
def g(**kw):
    return list(kw)
print(g(z=1, y=2, x=3))
