# module of the package
def square(n):
    return n * n
def circle_int(r):
    return 3 * r * r
