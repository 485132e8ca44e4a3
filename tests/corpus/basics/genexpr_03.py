# generator expression evaluates the first iterable eagerly and the rest lazily
def src(tag, n):
    print("creating", tag)
    return range(n)
g = (x + y for x in src("outer", 2) for y in src("inner", 2))
print("generator created")
print(list(g))
print(sum(i for i in range(100) if i % 7 == 0))
