# async with inside async for and awaiting inside the with body
import asyncio
class Lock:
    def __init__(self):
        self.held = False
    async def __aenter__(self):
        self.held = True
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *a):
        self.held = False
async def items():
    return [1, 2, 3]
async def main():
    lock = Lock()
    total = 0
    for v in await items():
        async with lock as l:
            total += v
            print(v, l.held)
    print(total, lock.held)
asyncio.run(main())
