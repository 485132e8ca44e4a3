# mpy-cross -march=ARCH
# @native return and break through finally blocks
import micropython

log = []

@micropython.native
def ret_in_try(x):
    try:
        return x * 2
    finally:
        log.append('cleanup %d' % x)

@micropython.native
def loop_break(n):
    total = 0
    for i in range(n):
        try:
            if i == 3:
                break
            total += i
        finally:
            log.append(i)
    return total

print(ret_in_try(4), loop_break(10))
print(log)
