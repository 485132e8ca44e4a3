# del of a list display of names (CPython accepts it; MicroPython does not)
x = y = 1
del [x, y]
