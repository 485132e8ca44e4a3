# starred expression in a return value
def f(t):
    return *t, 1
