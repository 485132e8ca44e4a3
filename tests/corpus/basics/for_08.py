# for loop over range with non-constant arguments and negative steps
def r(a, b, c):
    return [i for i in range(a, b, c)]
print(r(0, 10, 3), r(10, 0, -3), r(-5, -1, 1), r(0, 0, 1))
start, stop = 2, 7
for i in range(start, stop):
    print(i, end=" ")
print()
for i in range(stop):
    pass
print(i)
