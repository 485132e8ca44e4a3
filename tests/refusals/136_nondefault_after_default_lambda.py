# lambda parameter without default after one with a default
g = lambda a=1, b: a
