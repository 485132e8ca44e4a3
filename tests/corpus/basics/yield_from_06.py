# close() on a generator delegating with yield from closes the inner generator
def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner closed")
def outer():
    try:
        yield from inner()
    finally:
        print("outer closed")
g = outer()
print(next(g))
g.close()
print("done")
