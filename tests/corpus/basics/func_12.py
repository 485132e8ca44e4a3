# recursion building nested data and returning multiple values
def tree(depth):
    if depth == 0:
        return "leaf", 1
    left, nl = tree(depth - 1)
    right, nr = tree(depth - 1)
    return (left, right), nl + nr
t, count = tree(3)
print(count, t[0][0])
