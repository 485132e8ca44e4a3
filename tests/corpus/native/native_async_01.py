# mpy-cross -march=ARCH
# @native async def with await, driven by hand with send()
import micropython

class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield self.v
        return got * 2

@micropython.native
async def job(a):
    x = await Ready(a)
    y = await Ready(x + 1)
    return x + y

c = job(5)
print(c.send(None))
print(c.send(10))
try:
    c.send(3)
except StopIteration as e:
    print('result', e.args[0])
