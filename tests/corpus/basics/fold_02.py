# folding only applies to whole constant sub-expressions
x = 10
print(1 + 2 + x, x + 1 + 2, 2 * 3 * x, x * 2 * 3)
print(x + (1 + 2), (x + 1) + 2)
print(-x + 3 * 2, 3 * 2 - x)
print(x << 2 << 1, (1 << 2) << x)
