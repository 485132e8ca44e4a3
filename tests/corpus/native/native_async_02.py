# mpy-cross -march=ARCH
# @native async functions awaiting each other, run with a tiny driver loop
import micropython

class Tick:
    def __await__(self):
        yield 'tick'

@micropython.native
async def step(n):
    await Tick()
    return n * 2

@micropython.native
async def main():
    total = 0
    for i in range(3):
        total += await step(i)
    return total

def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return ticks, e.args[0]

print(run(main()))
