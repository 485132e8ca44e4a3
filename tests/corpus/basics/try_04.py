# exception variable is deleted after the except block; exceptions in handlers
try:
    raise ValueError("v")
except ValueError as err:
    print("in handler", err)
try:
    print(err)
except NameError:
    print("err unbound after handler")
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise TypeError("from handler")
except TypeError as e:
    print("second", e)
