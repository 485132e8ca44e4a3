# relative import of a sibling name
from .area import square as sq
NAMES = {"sq": "square"}
def name_of(k):
    return NAMES.get(k, "?") + str(sq(2))
