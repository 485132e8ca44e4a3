# mpy-cross -march=ARCH
# @native generator passing values both ways with send() and a running total
import micropython

@micropython.native
def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n

a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
