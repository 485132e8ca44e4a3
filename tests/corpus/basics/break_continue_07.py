# break and continue inside while loops nested in for loops with else clauses
for i in range(3):
    j = 0
    while True:
        j += 1
        if j == 2:
            continue
        if j > 3:
            break
        print(i, j)
    else:
        print("never")
else:
    print("for else runs")
