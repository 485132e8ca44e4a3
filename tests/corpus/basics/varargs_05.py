# *args with zero, one and many elements, and **kwargs ordering preserved
def f(*args, **kwargs):
    return len(args), list(kwargs)
print(f(), f(*()), f(*[1]), f(*range(10)))
print(f(z=1, a=2, m=3))
print(f(**dict(b=1, a=2)))
