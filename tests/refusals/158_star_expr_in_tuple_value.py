# starred expression in a tuple on the right-hand side
t = [1]
x = *t, 2
