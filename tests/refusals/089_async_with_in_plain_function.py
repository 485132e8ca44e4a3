# 'async with' in a non-async function
def f(cm):
    async with cm:
        pass
