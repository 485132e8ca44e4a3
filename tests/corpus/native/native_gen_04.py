# mpy-cross -march=ARCH
# @native comprehensions and generator expressions inside a native function
import micropython

@micropython.native
def comps(n):
    sq = [i * i for i in range(n)]
    ev = {i: i % 2 == 0 for i in range(n)}
    st = {i % 3 for i in range(n)}
    gs = sum(x for x in sq if x > 3)
    return sq, sorted(ev.items()), sorted(st), gs

print(comps(6))
