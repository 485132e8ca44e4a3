# const() with public and _private names, used in expressions and functions
from micropython import const
WIDTH = const(128)
_HEIGHT = const(64)
AREA = const(WIDTH * _HEIGHT)
print(WIDTH, _HEIGHT, AREA)
def pixels():
    return AREA // 8
print(pixels())
print(globals().get("WIDTH"), "_HEIGHT" in globals())
