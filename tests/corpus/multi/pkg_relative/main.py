# multi-module program: a package with relative imports (from . import x, from .mod import y, from .. import)
import shapes
from shapes import area, describe
from shapes.sub import deep
print(area.square(3), area.circle_int(2))
print(describe.name_of("sq"))
print(deep.where(), shapes.VERSION)
import shapes.area as A
print(A is area, A.square(5))
