# mpy-cross -march=ARCH
# @native generators: yield in a loop, send values in, return value via StopIteration
import micropython

@micropython.native
def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return 'end'

print(list(counter(5)))
g = counter(10)
print(next(g), g.send(7), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.args)
