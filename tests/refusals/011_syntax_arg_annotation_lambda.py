# annotation on a lambda parameter
f = lambda x: int: x
