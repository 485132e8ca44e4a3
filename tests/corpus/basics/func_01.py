# defining and calling functions with positional and keyword arguments
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, 2, 3), f(c=3, a=1, b=2), f(1, c=3, b=2))
def nothing():
    pass
print(nothing())
def early(x):
    if x:
        return
    return "late"
print(early(1), early(0))
def ret_tuple():
    return 1, 2
print(ret_tuple())
