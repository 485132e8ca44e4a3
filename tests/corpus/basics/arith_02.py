# bitwise operations and shifts on small ints
a = 0b1011_0110
b = 0o17
c = 0x7F
print(a, b, c)
print(a & c, a | b, a ^ c, ~a)
print(a << 3, a >> 2, -a >> 2)
print(1 << 29, 1 << 30, 1 << 31)
print(~0, ~-1, -(~5))
x = 12345
print(x & 0xFF, (x >> 8) & 0xFF)
