# Python 2 except form with a comma
try:
    pass
except ValueError, e:
    pass
