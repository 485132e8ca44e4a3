# generator send(), return values and throw()
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.args)
def catcher():
    try:
        yield 1
    except ValueError as e:
        yield "caught %s" % e
g = catcher()
print(next(g), g.throw(ValueError("boom")))
