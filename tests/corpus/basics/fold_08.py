# folded expressions mixing floats and ints, and float floor division / modulo constants
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(1 + 2.0, 3 * 0.5, 2 ** 0.5 * 2, 10 / 2.5)
print(1e10 * 1e10, 1e-200 * 1e-200)
print(3 // 2.0, 3 % 2.0)
