x = lambda: (yield)
y = lambda: [(yield) for a in b]
