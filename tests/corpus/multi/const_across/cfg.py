# module defining public and private consts
from micropython import const
LIMIT = const(250)
_HIDDEN = const(7)
def scaled(x):
    return x * _HIDDEN + LIMIT
