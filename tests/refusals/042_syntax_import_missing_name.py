# from-import without names
from math import
