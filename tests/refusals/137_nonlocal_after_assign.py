# name assigned then declared nonlocal
def outer():
    x = 0
    def inner():
        x = 1
        nonlocal x
    return inner
