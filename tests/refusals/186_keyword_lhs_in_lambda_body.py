# a keyword argument whose name is a literal, in a lambda body (scope <lambda>)
k = lambda y: y(
    2=3)
