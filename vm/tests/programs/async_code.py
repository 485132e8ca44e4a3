# async def, await, async for, async with
class AIter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
class ACM:
    async def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        return False
async def main():
    s = 0
    async for v in AIter():
        s += v
    else:
        s += 100
    async with ACM() as a, ACM():
        s += a
    return await helper(s)
async def helper(x):
    return x * 2
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
