# forwarding wrappers that pass through *args and **kwargs
def wrap(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, sorted(kwargs.items()))
        return fn(*args, **kwargs)
    return wrapper
@wrap
def add(a, b, c=0):
    return a + b + c
print(add(1, 2))
print(add(1, b=2, c=3))
print(add(*(1, 1), **{"c": 1}))
