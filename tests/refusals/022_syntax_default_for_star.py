# a default value on *args
def f(*a=1):
    pass
