# chained comparisons with in/is/not in mixed with relational operators
a = [1, 2]
print(1 in a in [a], 3 not in a is not None)
print(1 < 2 in [True], 0 == 0 is not None)
x = 5
print(0 < x <= 5 != 6, 1 < x > 10)
print(a is a is not None, None is None is None)
