# mpy-cross -march=ARCH -X emit=native
# whole module native: star arguments and keyword arguments across module-level calls
def f(*a, sep='-', **kw):
    return sep.join(str(x) for x in a) + str(sorted(kw))

args = (1, 2, 3)
opts = {'z': 0}
print(f(*args), f(*args, sep='+'), f(0, *args, **opts))
