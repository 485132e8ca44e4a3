# functions as first-class values, passed and returned
def apply(fn, *args):
    return fn(*args)
def add(a, b):
    return a + b
print(apply(add, 2, 3), apply(max, 4, 9, 1))
ops = {"+": add, "*": lambda a, b: a * b}
print(ops["+"](1, 1), ops["*"](3, 3))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(add.__name__)
