# asyncio.wait_for with a quick coroutine and exceptions inside gather
import asyncio
async def quick():
    await asyncio.sleep(0)
    return "quick"
async def bad():
    await asyncio.sleep(0)
    raise KeyError("bad")
async def main():
    print(await asyncio.wait_for(quick(), 1))
    try:
        await asyncio.gather(quick(), bad())
    except KeyError as e:
        print("gather raised", e)
asyncio.run(main())
