# folding of unary minus on big ints and float zero, and power with negative base
print(-(2 ** 63), -(-(2 ** 63)), -0.0, -(0.0), (-2) ** 3, (-2) ** 2)
print(-1 ** 2, (-1) ** 2, 2 ** -2, (-8) // 3, (-8) % 3)
print(~(1 << 40), -(1 << 40) >> 3)
