# complex literals and arithmetic
a = 1 + 2j
b = 3 - 1j
print(a, b, a + b, a - b, a * b)
print(a.real, a.imag, abs(3 + 4j))
print(a.conjugate() if hasattr(a, "conjugate") else "no conjugate")
print(1j * 1j, 2j, -1j)
print(complex(1, 1), complex("2+3j") if False else complex(2, 3))
print(a == 1 + 2j, a != b)
