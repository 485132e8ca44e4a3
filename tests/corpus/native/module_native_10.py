# mpy-cross -march=ARCH -X emit=native
# whole module native: a generator pipeline built from nested generator functions
def numbers(n):
    for i in range(n):
        yield i

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squares(src):
    yield from (x * x for x in src)

print(list(squares(evens(numbers(10)))))
