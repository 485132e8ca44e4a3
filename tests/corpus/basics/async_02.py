# asyncio.run with gather and sleep(0)
import asyncio
async def worker(name, n):
    out = []
    for i in range(n):
        out.append("%s%d" % (name, i))
        await asyncio.sleep(0)
    return out
async def main():
    res = await asyncio.gather(worker("a", 2), worker("b", 3))
    print(res)
    return len(res)
print(asyncio.run(main()))
