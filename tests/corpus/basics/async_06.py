# async comprehension forms inside a coroutine
import asyncio
class AIter:
    def __init__(self, items):
        self.items = list(items)
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)
async def double(v):
    return v * 2
async def main():
    res = []
    async for v in AIter([1, 2, 3]):
        res.append(await double(v))
    print(res)
    print([await double(x), await double(x + 1)] if (x := 3) else None)
asyncio.run(main())
