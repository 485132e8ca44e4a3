# yield inside a generator expression inside a function
def f(y):
    return ((yield x) for x in y)
