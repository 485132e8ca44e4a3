# equal constants of different types inside tuples are kept distinct
print((1, 1.0, True), (0, 0.0, False, -0.0))
print((2, 2.0) == (2, 2), [type(x).__name__ for x in (1, 1.0, True)])
