# list comprehension with nested function calls and a closure inside the element expression
def outer(k):
    return [(lambda: i * k)() for i in range(4)]
print(outer(3))
print([[j for j in range(i)] for i in range(3) if i])
print([x for x in range(3) for x in range(x)])
