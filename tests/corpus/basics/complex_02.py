# complex constants that are not folded, division and powers
z = 1j
print(z ** 2)
print((1 + 1j) / (1 - 1j))
print((2 + 0j) ** 0.5)
w = 3j + 4
print(w, abs(w))
import cmath
print(cmath.sqrt(-1))
print(cmath.phase(-1 + 0j))
print(type(1j).__name__)
