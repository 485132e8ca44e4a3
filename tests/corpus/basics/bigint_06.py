# negative big constants, folded big constants and big shifts
A = -99999999999999999999
B = 1 << 64
C = 2 ** 64 - 1
print(A, B, C, B - C)
print(-(1 << 80))
print(B >> 63, B >> 64, B >> 65)
print(3 ** 50)
print(A * A)
print(abs(A), -A)
