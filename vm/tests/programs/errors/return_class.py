class A:
    x = 1
    return 2
