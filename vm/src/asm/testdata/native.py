# Native functions for the assembler replay test (see scripts/gen-asm-replay-fixtures.py).
# Kept to code where emitnative.c takes the same path on debug, x64 and x86.
import micropython

counter = 0


def branches(a, b):
    if a < b:
        return a
    elif a == b:
        return None
    return b


def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


def iterate(items):
    out = []
    for x in items:
        if x:
            continue
        out.append(x)
    return out


def guarded(obj):
    try:
        obj.value = 1
    except AttributeError:
        return False
    finally:
        obj = None
    return True


def managed(ctx, key):
    with ctx as c:
        c[key] = key
    del ctx.attr
    return key


def calls(f, a, b, c, d):
    global counter
    counter = counter + 1
    return f(a, b, c, d, *a, **b)


def long_loop(n):
    # The loop body is longer than 127 bytes, so the backward jump needs rel32.
    while n:
        n = n - 1
        print(n, n, n, n)
        print(n, n, n, n)
        if n == 99:
            break
    return n


def gen(n):
    yield n
    yield n + 1


big = 12345678901
text = "text"
