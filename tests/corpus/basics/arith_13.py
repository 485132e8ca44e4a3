# number literal forms: upper-case base prefixes, exponents, underscores, imaginary literals
print(0O17, 0XFF, 0B101, 0o7_7, 0x_FF, 0b_1)
print(1E5, 1e-3, 2.5E+2, 1_000.000_1, 1_0.5e1_0)
print(1J, .5j, 1_0j, 3.5e2j)
print(0, 00, 0_0, 0.0e0)
