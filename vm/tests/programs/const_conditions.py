# constant conditions: if/elif/else elimination, while with constant tests, ternaries and and/or chains
x = 3
if 0:
    print("never", unused_name)
elif x:
    print("x")
elif 1:
    print("one")
else:
    print("else")
if "s":
    print("str true")
else:
    print("dead", other_name)
if ():
    print("empty tuple")
elif (1, 2):
    print("tuple")
if x:
    pass
elif 0.0:
    print("zero float")
elif None:
    print("none")
else:
    print("else2")
while 0:
    print("no loop")
else:
    print("while else")
n = 0
while 1:
    n += 1
    if n > 2:
        break
while not x:
    pass
y = 1 if 1 else 2
z = 3 if 0 else 4
w = (x and 0) or (x or 5) and not 0
if x and (y or z) and not (w and x):
    print("cond")
if not (x or y):
    print("neither")
assert x, "x"
assert 1
assert 0 or x
def f(a):
    if a:
        return 1
    elif a is None:
        return 2
    return 3 if a else 4
print(n, y, z, w, f(0), f(None))
