# asyncio tasks: create_task, await task, sleep_ms ordering
import asyncio
order = []
async def job(name, delay_steps):
    for _ in range(delay_steps):
        await asyncio.sleep(0)
    order.append(name)
    return name.upper()
async def main():
    t1 = asyncio.create_task(job("slow", 3))
    t2 = asyncio.create_task(job("fast", 1))
    r2 = await t2
    r1 = await t1
    print(r1, r2, order)
asyncio.run(main())
