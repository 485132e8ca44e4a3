# bool arithmetic, int() of bools and floats, round() with negative digits
print(int(True) + int(False), True * 3, sum([True, True, False]))
print(round(1234.5678, -2), round(1250, -2), round(-0.5))
print(int(-0.9), int(2.999), float("-0"))
