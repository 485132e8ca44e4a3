# generator with many locals and yields in expressions (yield as argument, in tuple, in arithmetic)
def calc():
    a = yield "start"
    b = (yield a) + 1
    c = [(yield b), (yield b * 2)]
    yield c
g = calc()
print(next(g))
print(g.send(10))
print(g.send(5))
print(g.send("x"))
print(g.send("y"))
