# break and continue in while and for loops
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("for", i)
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("while", i)
    if i >= 6:
        break
