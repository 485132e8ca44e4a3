# from-import * inside a class body
class C:
    from math import *
