# operator precedence and unary operators on variables
x = 3
y = -x
z = +y
w = ~x
print(x, y, z, w)
print(-x ** 2, (-x) ** 2)
print(x + y * z - w // 2)
print(not x, not 0, -(-x))
print(x * 2 + 1 << 2, x * (2 + 1) << 2)
print(1 + 2 & 3 | 4 ^ 5)
print(x if x > 2 else -x)
