# parent-relative import from a sub-package
from .. import area
from ..describe import name_of
def where():
    return "deep:%d:%s" % (area.square(4), name_of("sq"))
