# pow with three arguments, abs, min/max, sum, round on ints
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 97))
print(abs(-5), abs(5), abs(-0))
print(min(3, 1, 2), max([4, 9, 2]), min("b", "a"))
print(sum(range(101)), sum([1, 2], 10))
print(round(7), round(-3))
print(int("42") + int("-7"), int("ff", 16), int("101", 2))
print(hex(255), oct(8), bin(5))
