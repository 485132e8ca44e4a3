# mpy-cross-args: -O1 -march=armv7m
# difffuzz seed 514188: `range((x for x in y))` (a generator expression in its own parentheses) is a plain
# argument, so MicroPython compiles the counting loop; only a bare `range(x for x in y)` calls range()
def z(s):
    for a in range(({b'': (1,) for n in 614} for lst in 227 for a in s.__class__)):
        a = 0O17
    for b in range((v for v in s)):
        pass
    for c in range(0, (w) for w in (s)):
        pass
    for d in range(w for w in s):
        pass
