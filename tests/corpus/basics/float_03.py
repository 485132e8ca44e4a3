# float to int conversions, int/float mixing and formatting
print(int(3.99), int(-3.99), int(1e15))
print(float(7), 7 / 1)
print("%.3f" % 3.14159, "%e" % 12345.678, "%g" % 0.0001)
print("{:.2f}".format(2 / 3), "{:10.4f}|".format(1.5))
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print((2.5).is_integer() if hasattr(2.5, "is_integer") else "no is_integer")
print(divmod(-7.5, 2))
