# keyword-only arguments required and optional
def f(a, *, b, c=3):
    return [a, b, c]
print(f(1, b=2), f(1, c=0, b=9))
try:
    f(1, 2)
except TypeError:
    print("TypeError positional")
try:
    f(1)
except TypeError:
    print("TypeError missing kwonly")
def g(*args, sep="-"):
    return sep.join(str(a) for a in args)
print(g(1, 2, 3), g(4, 5, sep="+"))
