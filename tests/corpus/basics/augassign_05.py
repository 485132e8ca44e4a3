# in-place float and bigint operations
f = 1.5
f *= 4
f -= 0.5
f /= 2
print(f)
f //= 1
print(f)
f **= 2
print(f)
b = 1
b <<= 100
b += 1
print(b)
b %= 1000000007
print(b)
b = -(10 ** 30)
b //= 7
print(b)
