# def without parameter list
def f:
    pass
