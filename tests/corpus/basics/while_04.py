# while loops with constant conditions, else clauses and nested breaks
n = 0
while 1:
    n += 1
    while True:
        n *= 2
        break
    if n > 20:
        break
print(n)
m = 3
while m:
    m -= 1
else:
    print("while else after counting down", m)
while 0:
    print("never")
else:
    print("else of while 0")
