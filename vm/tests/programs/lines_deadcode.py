# dead code after return/raise/break still registers names and lines
def f(x):
    return x
    print("never")
    y = x + 1.5
    return y
def g():
    raise ValueError
    import os
    return os
def h(n):
    while n:
        n -= 1
        break
        n = "dead"
    for i in range(n):
        continue
        print(i)
    return n
print(f(1), h(3))
try:
    g()
except ValueError:
    print("ok")
