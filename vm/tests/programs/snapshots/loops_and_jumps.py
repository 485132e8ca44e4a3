total = 0
for i in range(3, 10, 2):
    if i == 7:
        continue
    total += i
else:
    total = -total
for k in [1, 2]:
    while k:
        k -= 1
        if k > 5:
            break
print(total)
