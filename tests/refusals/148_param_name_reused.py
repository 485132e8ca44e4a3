# the same parameter name used twice
def f(a, a):
    pass
