# mpy-cross -march=ARCH -X emit=viper
# whole module viper: object-typed helpers mixed with native ints
def describe(n: int):
    if n < 0:
        return 'neg'
    if n == 0:
        return 'zero'
    return 'pos'

def count(xs) -> int:
    c = 0
    for x in xs:
        c += 1
    return c

print(describe(-3), describe(0), describe(7), count([1, 2, 3, 4]))
