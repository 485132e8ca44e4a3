# break from inside except handlers and while-else interactions
n = 0
while n < 5:
    try:
        n += 1
        if n == 3:
            raise ValueError(n)
    except ValueError as e:
        print("caught", e)
        break
else:
    print("no break")
print("n", n)
for i in range(3):
    try:
        raise KeyError(i)
    except KeyError:
        if i == 1:
            continue
        print("handled", i)
