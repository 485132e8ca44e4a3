# del of slices, tuples of targets, and locals in functions (DELETE_FAST)
lst = list(range(10))
del lst[2:4]
print(lst)
del lst[-3:]
print(lst)
a, b, c = 1, 2, 3
del a, b
print(c, "a" in globals(), "b" in globals())
def f():
    x = 1
    y = [1, 2]
    del x, y[0]
    try:
        return x
    except NameError:
        return "x deleted", y
print(f())
