# mpy-cross -march=ARCH -X emit=native
# whole module native: async def at module level driven by send
async def pair(a, b):
    return a, b

c = pair(1, 2)
try:
    c.send(None)
except StopIteration as e:
    print(e.args[0])
