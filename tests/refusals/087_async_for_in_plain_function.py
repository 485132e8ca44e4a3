# 'async for' in a non-async function
def f(xs):
    async for x in xs:
        pass
