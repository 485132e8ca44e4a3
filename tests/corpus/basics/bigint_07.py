# big integer constants inside tuples, lists and default arguments
BIGS = (2 ** 64, -2 ** 64, 10 ** 25)
L = [1 << 100, 1]
def f(x=12345678901234567890):
    return x + 1
print(BIGS, L, f(), f(0))
print(sorted([10 ** 20, -10 ** 20, 0]))
print({10 ** 18: "a"}[10 ** 18])
