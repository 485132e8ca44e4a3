# min/max/sorted on mixed comparable types and with default values
print(max([], default="empty") if True else None)
print(min([3, 1.5, 2]), max([True, 2, 0.5]))
print(sorted([3, 1.5, True, 0]))
print(max("abc", "abd", key=lambda s: s[-1]))
