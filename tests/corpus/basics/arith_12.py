# integer division and modulo on big and small ints of mixed signs
pairs = [(10 ** 20, 7), (-(10 ** 20), 7), (10 ** 20, -7), (7, 10 ** 20), (-7, 10 ** 20)]
for a, b in pairs:
    print(a // b, a % b)
print(divmod(-(2 ** 65), 3))
