# mpy-cross -march=ARCH -X emit=native
# whole module native: generators, closures and decorators defined at module level
def deco(f):
    def wrapper(*a, **k):
        return ('wrapped', f(*a, **k))
    return wrapper

@deco
def add(a, b=1):
    return a + b

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
print(add(2), add(2, b=5), [next(g) for _ in range(10)])
