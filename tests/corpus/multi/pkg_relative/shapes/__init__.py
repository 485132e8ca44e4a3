# package init with a relative import
from . import area
VERSION = "1." + str(area.square(1))
