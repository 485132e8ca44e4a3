# 'await' inside a list comprehension in an async function (comprehension is its own scope)
async def f(xs):
    return [await x for x in xs]
