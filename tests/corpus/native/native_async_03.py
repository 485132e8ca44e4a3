# mpy-cross -march=ARCH
# @native async with and async for over hand-written asynchronous objects
import micropython

class AIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

class ACtx:
    async def __aenter__(self):
        print('aenter')
        return 'ctx'
    async def __aexit__(self, *a):
        print('aexit')

@micropython.native
async def main():
    got = []
    async with ACtx() as c:
        async for v in AIter(3):
            got.append((c, v))
    return got

co = main()
try:
    co.send(None)
except StopIteration as e:
    print(e.args[0])
