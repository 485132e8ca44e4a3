# comparisons between mixed int/float/bool and arithmetic on bools
print(True + True, True * 10, False - 1)
print(1 == 1.0, 2 > 1.5, -1 < False)
print(int(True), float(False), bool(0.0), bool(-2))
print(3 * 1.0, 0.5 + 1, 10 - 0.25)
print(hash(1) == hash(1.0), 1 is not 1.0)
