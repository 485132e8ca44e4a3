# starred arguments in calls mixed with positional and keyword arguments
def f(*a, **k):
    return a, sorted(k.items())
x = [1, 2]
y = (3,)
print(f(*x, *y))
print(f(0, *x, 9, *y))
print(f(*x, a=1, **{"b": 2}))
print(f(*"ab", *range(2)))
print(*[1, 2, 3], sep=":")
