# raise from an exception class (not instance) and chained handler printing __cause__ absence
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError from KeyError
except ValueError as e:
    print(type(e).__name__, e.args)
