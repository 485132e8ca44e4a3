# yield from a generator that raises: exception propagates through the delegator
def inner():
    yield 1
    raise ValueError("inner failed")
def outer():
    try:
        yield from inner()
    except ValueError as e:
        yield "handled: %s" % e
    yield "after"
print(list(outer()))
