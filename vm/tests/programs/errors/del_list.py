x = y = 1
del [x, y]
