# if-conditions that are compound and involve calls and membership
items = [3, 8, 15]
for i in items:
    if i in (3, 15) and not i == 8:
        print(i, "in tuple")
    elif i not in (3, 15) or i > 100:
        print(i, "not in tuple")
if len(items) > 2 and items[0] < items[1] < items[2]:
    print("sorted")
if items and items[-1]:
    print("last truthy")
if (n := len(items)) > 1:
    print("n =", n)
