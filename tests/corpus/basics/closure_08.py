# closure captures a variable that is assigned in a loop after the inner function is defined
def f():
    fs = []
    for i in range(3):
        def g():
            return i
        fs.append(g)
    return [h() for h in fs]
print(f())
def counter_factory():
    cells = []
    for i in range(3):
        def make(j):
            return lambda: j
        cells.append(make(i))
    return [c() for c in cells]
print(counter_factory())
