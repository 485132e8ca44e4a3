# 'await' in a plain def compiles (the function becomes a generator); async generator with 'return value'
def sub():
    yield "from sub"
    return "sub result"
def plain():
    r = await sub()
    return r
g = plain()
print(type(g).__name__, next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
async def agen():
    yield 1
    return 2
a = agen()
print(type(a).__name__, a.send(None))
