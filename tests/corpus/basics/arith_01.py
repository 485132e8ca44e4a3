# integer arithmetic with negative numbers: floor division and modulo signs
for a in (7, -7):
    for b in (3, -3):
        print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** 0, (-2) ** 3)
print(-2 ** 2)
print(17 - 4 - 3, 100 // 10 // 3)
print(2 ** 3 ** 2)
