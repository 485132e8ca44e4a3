# unpacking returned generator, nested starred in for, and swap of three
def g():
    yield 1
    yield 2
    yield 3
a, b, c = g()
c, a, b = a, b, c
print(a, b, c)
for (x, *ys), z in [((1, 2, 3), 4), ((5,), 6)]:
    print(x, ys, z)
