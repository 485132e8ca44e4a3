# while loops with counters, else clause, and nested loops
i = 0
while i < 5:
    i += 1
else:
    print("else ran", i)
i = 0
while i < 10:
    if i == 3:
        break
    i += 1
else:
    print("not printed")
print("broke at", i)
n = 0
a = 0
while a < 3:
    b = 0
    while b < 3:
        n += a * b
        b += 1
    a += 1
print(n)
