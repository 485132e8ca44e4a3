# and/or chains with side effects used as statements and in return values
def a(v):
    print("a", v)
    return v
a(0) and a(1)
a(1) or a(2)
a(0) or a(0) or a(3)
a(1) and a(2) and a(0) and a(4)
def pick(x, y):
    return x and y or "neither"
print(pick(1, 2), pick(0, 2), pick(1, 0))
