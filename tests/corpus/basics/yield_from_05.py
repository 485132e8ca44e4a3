# yield from used as an expression receiving the sub-generator's return value in a loop
def part(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total
def whole():
    sums = []
    for n in (2, 3, 4):
        s = yield from part(n)
        sums.append(s)
    return sums
g = whole()
print(list(g))
def run():
    r = yield from whole()
    yield r
print(list(run())[-1])
