# from module import * (IMPORT_STAR) and importing submodule-like names
from math import *
print(floor(pi), sqrt(4.0))
from collections import namedtuple, OrderedDict
Point = namedtuple("Point", ("x", "y"))
p = Point(1, 2)
print(p.x, p.y, p)
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(list(od.keys()))
