def f(x):
    if x:
        None = x
