# try/except inside loops and functions returning from handlers
def parse(items):
    out = []
    for it in items:
        try:
            out.append(int(it))
        except ValueError:
            out.append(None)
            continue
    return out
print(parse(["1", "x", "33", "", "-4"]))
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return "inf"
print(safe_div(9, 2), safe_div(1, 0))
