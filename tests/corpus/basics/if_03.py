# nested if statements with pass and early returns
def f(a, b):
    if a:
        if b:
            return "both"
        else:
            pass
        return "a only"
    else:
        if b:
            return "b only"
    return "none"
print(f(1, 1), f(1, 0), f(0, 1), f(0, 0))
def g(v):
    if v > 10:
        if v > 100:
            if v > 1000:
                return 4
            return 3
        return 2
    return 1
print([g(x) for x in (5, 50, 500, 5000)])
