# float repr edge cases: large, tiny, and round-tripping values
vals = [1e16, 1e22, 1.5e-7, 123456789012345680.0, 0.30000000000000004, 2.0 ** 53, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308]
for v in vals:
    print(repr(v))
print(1e15, 1e16, 12345678.9, 0.0001, 0.00001)
print(float("1e500"), -float("1e500"))
