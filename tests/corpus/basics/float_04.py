# folded float constants and constants used in expressions
X = 1.5 * 4
Y = 2.0 ** 0.5
Z = 1 / 8
W = -3.25
print(X, Y, Z, W)
print(10 / 4, 7 // 2.0, 2 ** -1)
print(1e3 + 1, 2.5e-3 * 1000)
def f(v=0.25):
    return v * 4
print(f(), f(1.125))
