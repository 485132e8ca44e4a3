# assignment inside functions: locals, globals seen, arguments rebound
g = 100
def f(a):
    b = a + g
    a = b * 2
    return a, b
print(f(1))
def swap(p, q):
    p, q = q, p
    return p, q
print(swap("x", "y"))
def many():
    x1 = 1; x2 = 2; x3 = 3
    x1, x2, x3 = x3, x1, x2
    return x1, x2, x3
print(many())
