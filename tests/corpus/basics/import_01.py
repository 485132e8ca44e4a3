# import forms: import a, import a as b, from a import b, from a import b as c
import math
import math as m
from math import sqrt
from math import floor as fl, ceil
print(math.sqrt(16), m.pi == math.pi, sqrt(9), fl(2.7), ceil(2.1))
import sys, gc
print(type(sys.path).__name__, callable(gc.collect))
def local_import():
    import json
    from json import dumps as d
    return d([1, json.loads("2")])
print(local_import())
