# if statements with else clauses that contain only pass, and if inside else
def f(x):
    r = []
    if x > 0:
        r.append("pos")
    else:
        if x == 0:
            r.append("zero")
        else:
            pass
    if x % 2:
        pass
    else:
        r.append("even")
    return r
print(f(2), f(0), f(-3), f(3))
