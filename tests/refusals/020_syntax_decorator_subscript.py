# decorator with a subscript expression (MicroPython only allows dotted names and calls)
decos = [lambda f: f]
@decos[0]
def f():
    pass
