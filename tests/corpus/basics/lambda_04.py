# lambda bodies using conditional, comparison chains, and star args
clamp = lambda v, lo=0, hi=10: lo if v < lo else hi if v > hi else v
print([clamp(v) for v in (-5, 5, 50)])
between = lambda a, b, c: a < b < c
print(between(1, 2, 3), between(3, 2, 1))
total = lambda *xs, **kw: sum(xs) + sum(kw.values())
print(total(1, 2, a=3))
