# conditional expression chains and side effects
def side(v):
    print("side", v)
    return v
r = side(1) if side(0) else side(2)
print(r)
r = side("a") if side(True) else side("b")
print(r)
vals = [("neg" if i < 0 else "small" if i < 10 else "large") for i in (-1, 5, 50)]
print(vals)
