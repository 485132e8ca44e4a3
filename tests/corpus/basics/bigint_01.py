# big integer literals and arithmetic beyond the small-int range
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(b - a)
print(a * b)
print(b // a, b % a)
print(-a // 7, -a % 7)
print(2 ** 200)
print(a == 123456789012345678901234567890, a < b)
