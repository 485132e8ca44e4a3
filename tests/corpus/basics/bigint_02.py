# values near the 31-bit small-int boundary (constants become objects)
vals = [1073741823, 1073741824, -1073741824, -1073741825, 2147483647, 2147483648, -2147483648]
for v in vals:
    print(v, v + 1, v - 1, v * 2)
print(0x3FFFFFFF, 0x40000000, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF)
x = 1073741823
x += 1
print(x, type(x) is int)
