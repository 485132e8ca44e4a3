# assignment to a lambda
lambda: 1 = 2
