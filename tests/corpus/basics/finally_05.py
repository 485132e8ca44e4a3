# finally blocks that modify variables which are then returned
def f():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
print(f())
def g():
    n = 1
    try:
        return n
    finally:
        n = 100
print(g())
