# continue as the last statement in loops and break in the first statement
for i in range(3):
    if i == 1:
        print("skip", i)
    continue
for i in range(3):
    break
print("i after immediate break", i)
n = 0
while n < 3:
    n += 1
    continue
print(n)
