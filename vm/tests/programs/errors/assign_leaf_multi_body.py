def f():
    x = 1
    None = 1
