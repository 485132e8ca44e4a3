# nonlocal name with no enclosing binding
def outer():
    def inner():
        nonlocal y
        y = 1
    return inner
