# assignment to a list comprehension
[x for x in range(3)] = 1
