# nested try blocks, re-raising with bare raise (RAISE_LAST)
def inner():
    try:
        raise IndexError("deep")
    except IndexError:
        print("inner handler")
        raise
try:
    inner()
except IndexError as e:
    print("outer got", e)
try:
    try:
        raise ValueError(1)
    except TypeError:
        print("wrong")
except ValueError as e:
    print("propagated", e)
