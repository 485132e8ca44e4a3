# mpy-cross -march=ARCH -X emit=native
# whole module native: while/else, for/else and nested break
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            break
    else:
        return -1
    return i

n = 0
while n < 3:
    n += 1
else:
    print('while done', n)
print(find([4, 5, 6], 5), find([4, 5, 6], 9))
