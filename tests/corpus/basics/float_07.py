# float constants that are equal but of different sign or type stay distinct
t = (0.0, -0.0, 0, False, 1, 1.0, True)
print(t)
print([repr(x) for x in t])
x = -0.0
y = 0.0
print(x == y, repr(x), repr(y), repr(-x))
def f():
    return 0.5, 0.5, -0.5
print(f())
