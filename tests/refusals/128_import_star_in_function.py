# from-import * inside a function
def f():
    from math import *
    return sqrt(4)
