# mpy-cross -march=ARCH -X emit=native
# whole module native: with statements, dict/set displays, star expressions
class Ctx:
    def __enter__(self):
        print('in')
        return 42
    def __exit__(self, *a):
        print('out', a[0] is None)

with Ctx() as v:
    d = dict({'a': v}, b=2)
    s = set([1, 2] + [3, 4])
    print(sorted(d.items()), sorted(s))
first, *rest = [9, 8, 7]
print(first, rest)
