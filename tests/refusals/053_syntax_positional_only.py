# positional-only parameter marker '/' (not supported)
def f(a, /, b):
    return a + b
