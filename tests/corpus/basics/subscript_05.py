# negative, big and boolean indices on lists and strings
l = [10, 20, 30]
print(l[True], l[False], l[-True], "abc"[True])
try:
    l[10 ** 20]
except (IndexError, OverflowError) as e:
    print(type(e).__name__, "for big index")
print(l[-3], l[2 - 5])
