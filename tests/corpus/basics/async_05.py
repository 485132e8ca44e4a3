# async functions with try/except/finally and exceptions propagating through await
import asyncio
async def fail():
    await asyncio.sleep(0)
    raise ValueError("async failure")
async def main():
    try:
        await fail()
    except ValueError as e:
        print("caught:", e)
    finally:
        print("finally in coroutine")
    async with Lockish() as v:
        print("with", v)
class Lockish:
    async def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        return False
asyncio.run(main())
