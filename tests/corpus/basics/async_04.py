# await on custom awaitables with __await__ / __iter__ driven manually
class Fut:
    def __init__(self, v):
        self.v = v
    def __iter__(self):
        yield "suspend"
        return self.v
    __await__ = __iter__
async def co():
    a = await Fut(5)
    b = await Fut(6)
    return a * b
c = co()
print(c.send(None))
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.args)
