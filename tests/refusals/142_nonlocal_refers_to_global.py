# nonlocal in a function whose only enclosing binding is global
x = 1
def f():
    nonlocal x
    x = 2
