# asynchronous comprehension ('async for' inside a list comprehension)
async def f(src):
    return [x async for x in src]
