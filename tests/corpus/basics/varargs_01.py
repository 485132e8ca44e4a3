# *args collection and passing
def f(*args):
    return len(args), args
print(f(), f(1), f(1, 2, 3))
def g(first, *rest):
    return first, rest
print(g(1), g(1, 2, 3))
nums = [4, 5, 6]
print(f(*nums), f(0, *nums), f(*nums, 7), f(*nums, *nums))
print(max(*nums), print(*nums, sep="-"))
