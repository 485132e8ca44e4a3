# try/except inside generators and comprehension-driven exceptions
def safe(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "div0"
print(list(safe([1, 0, 5])))
def first_error(fns):
    for f in fns:
        try:
            f()
        except Exception as e:
            return type(e).__name__
print(first_error([lambda: 1, lambda: [][0], lambda: 1 / 0]))
