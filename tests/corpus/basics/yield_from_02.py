# yield from forwarding send() and exceptions
def sub():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def deleg():
    r = yield from sub()
    yield "result %d" % r
g = deleg()
next(g)
g.send(3)
g.send(4)
print(g.send(None))
def thrower():
    try:
        yield from sub()
    except KeyError:
        yield "got KeyError"
t = thrower()
next(t)
print(t.throw(KeyError()))
