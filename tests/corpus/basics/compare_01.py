# comparison operators on ints, chained comparisons
a, b, c = 1, 2, 3
print(a < b, a > b, a == b, a != b, a <= 1, b >= 3)
print(a < b < c, a < b > c, a == 1 == True, c > b > a > 0)
print(1 < 2 < 3 < 4 < 5, 1 < 3 < 2 < 4)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(5))
print(noisy(1) < noisy(2) < noisy(3))
