# raise with instances, classes, and raise ... from (RAISE_FROM)
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise ValueError("msg")
except ValueError as e:
    print(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print("from:", e)
try:
    raise KeyError("k") from None
except KeyError as e:
    print("from None:", e)
