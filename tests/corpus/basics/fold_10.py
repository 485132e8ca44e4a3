# constant tuples containing Ellipsis, None, bools, nested empty tuples and floats
T = (..., None, True, False, (), ((),), 1.5, -2.5, "s", b"b")
print(T, len(T))
print(T[0] is ..., T[4] == (), T[5][0] == ())
def f():
    return (..., (None, (True,)))
print(f())
