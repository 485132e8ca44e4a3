# true division, floor division, modulo with floats and ints mixed
print(7 / 2, 8 / 4, -7 / 2)
print(7.0 // 2, -7.0 // 2, 7 % 2.5)
print(divmod(7.5, 2))
print(1 / 3 * 3)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
try:
    print(1 % 0)
except ZeroDivisionError:
    print("mod zero")
try:
    print(5 // 0)
except ZeroDivisionError:
    print("floordiv zero")
