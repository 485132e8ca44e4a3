# return inside finally overrides and swallows exceptions
def g():
    try:
        raise KeyError
    finally:
        return "finally wins"
print(g())
def h():
    try:
        return "try value"
    finally:
        print("cleanup before return")
print(h())
def k():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(k() if False else "skip")
