# async generator-like protocol via __aiter__ in an async for with break and else
import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async for t in Ticker(5):
        if t == 3:
            break
        print("tick", t)
    async for t in Ticker(2):
        print("tock", t)
    else:
        print("async for else")
asyncio.run(main())
