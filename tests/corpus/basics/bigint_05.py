# big integer string conversions and comparisons with floats
n = int("9" * 40)
print(n, n + 1)
print(str(-n)[:10], len(str(n)))
print(int("-" + "1" * 25))
print(n > 1e39, n < 1e41)
print(float(2 ** 70))
print(10 ** 20 // 3, 10 ** 20 % 3)
print(pow(7, 123, 10 ** 20 + 39))
