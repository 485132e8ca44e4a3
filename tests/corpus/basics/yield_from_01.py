# yield from delegating to sub-generators and lists
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    r = yield from inner()
    yield r
    yield from [3, 4]
    yield from range(5, 7)
print(list(outer()))
def flatten(x):
    if isinstance(x, list):
        for e in x:
            yield from flatten(e)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
