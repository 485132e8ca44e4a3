# complex numbers mixed with ints and floats and compared
z = 2 + 3j
print(z * 2, z + 1.5, z - 1j, z / 2)
print(z == complex(2, 3), z != 2)
print(abs(-3j), (1j).imag, (5 + 0j).real)
try:
    print(z < 1)
except TypeError:
    print("no ordering for complex")
print([c.real for c in (1j, 2 + 1j)])
