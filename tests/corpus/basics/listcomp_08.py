# comprehensions over generator function results and with a walrus accumulating state
def gen(n):
    for i in range(n):
        yield i * i
print([v for v in gen(5) if v % 2 == 0])
def accumulate(xs):
    total = 0
    running = [total := total + v for v in xs]
    return running, total
print(accumulate(range(5)))
