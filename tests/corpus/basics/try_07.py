# exception args, str and repr of exceptions
try:
    raise ValueError("a", 2)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise Exception
except Exception as e:
    print(e.args, repr(e))
e = KeyError("key")
print(e.args, isinstance(e, LookupError))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    [][1]
except IndexError as e:
    print("IndexError", e)
