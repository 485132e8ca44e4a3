# generator expressions capturing variables and nested generators
def f(n):
    base = 10
    return list(base * i + j for i in range(n) for j in range(2))
print(f(3))
def lazy():
    log = []
    g = (log.append(i) or i for i in range(3))
    log.append("created")
    first = next(g)
    return log, first
print(lazy())
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(j)) for i, j in nested])
