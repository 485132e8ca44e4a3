# constant folding of integer expressions
print(1 + 2, 3 * 4 - 5, 7 // 2, 7 % 3, -7 // 2, -7 % 3)
print(2 ** 10, 2 ** 30, 2 ** 31, 2 ** 62, 2 ** 64)
print(1 << 5, 1 << 30, 1 << 31, 256 >> 4, -256 >> 4)
print(0xF0 | 0x0F, 0xFF & 0x3C, 0xAA ^ 0xFF, ~0, ~1234, -(-5), +7)
print(1 + 2 * 3 - 4 // 2 % 3 ** 2)
print((1 + 2) * 3, 10 - 2 - 3, 2 ** -1, 10 / 4)
