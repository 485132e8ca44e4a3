# default argument values of many types, including expressions
K = 10
def f(a, b=2, c="s", d=None, e=(1, 2), g=K * 2, h=[0]):
    return a, b, c, d, e, g, h
print(f(0))
print(f(0, 1, "t", 5, (), 3, [9]))
K = 99
print(f(1)[5])
def only_defaults(x=1, y=2, z=3):
    return x * y * z
print(only_defaults(), only_defaults(2), only_defaults(z=10))
