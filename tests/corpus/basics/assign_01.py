# simple assignment of names, chained assignment, and rebinding
a = 1
b = c = d = a + 1
print(a, b, c, d)
a = b = "x"
print(a, b, a is b)
x = y = []
x.append(3)
print(x, y, x is y)
n = None
print(n)
t = True
f = False
print(t, f, t and f, t or f)
e = ...
print(e)
