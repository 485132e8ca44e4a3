# coroutine objects: calling an async def returns a coroutine that must be awaited
async def value():
    return 7
async def chain(n):
    total = 0
    for _ in range(n):
        total += await value()
    return total
c = chain(3)
print(type(c).__name__ in ("coroutine", "generator"))
try:
    while True:
        c.send(None)
except StopIteration as e:
    print("total", e.args[0] if e.args else None)
