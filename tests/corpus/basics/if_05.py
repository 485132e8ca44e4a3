# if statements with constant conditions mixed with non-constant ones in elif chains
def f(x):
    if False:
        return "never"
    elif x > 10:
        return "big"
    elif True:
        return "default"
    else:
        return "dead"
print(f(5), f(50))
def g(x):
    if x:
        return 1
    elif 0:
        return 2
    return 3
print(g(1), g(0))
