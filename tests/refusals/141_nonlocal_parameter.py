# nonlocal naming a parameter of the same function
def outer():
    v = 1
    def inner(v):
        nonlocal v
    return inner
