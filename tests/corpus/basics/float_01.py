# float literal forms and repr
vals = [0.0, -0.0, 1.0, 1.5, 0.1, 1e10, 1e-10, 1.25e3, 3.14159, 1e100, 123456789.0]
for v in vals:
    print(v)
print(.5, 5., 1_000.5)
print(float("inf"), float("-inf"))
print(float("1.5"), float(" 2 "))
