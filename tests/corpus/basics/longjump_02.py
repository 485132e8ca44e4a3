# backward jumps longer than 63 bytes and forward jumps longer than 127 in loops (2-byte jump forms)
def work(n):
    acc = []
    i = 0
    while i < n:
        acc.append(i * 0 + 0)
        acc.append(i * 1 + 7)
        acc.append(i * 2 + 14)
        acc.append(i * 3 + 21)
        acc.append(i * 4 + 28)
        acc.append(i * 5 + 35)
        acc.append(i * 6 + 42)
        acc.append(i * 7 + 49)
        acc.append(i * 8 + 56)
        acc.append(i * 9 + 63)
        acc.append(i * 10 + 70)
        acc.append(i * 11 + 77)
        acc.append(i * 12 + 84)
        acc.append(i * 13 + 91)
        acc.append(i * 14 + 98)
        acc.append(i * 15 + 105)
        acc.append(i * 16 + 112)
        acc.append(i * 17 + 119)
        acc.append(i * 18 + 126)
        acc.append(i * 19 + 133)
        acc.append(i * 20 + 140)
        acc.append(i * 21 + 147)
        acc.append(i * 22 + 154)
        acc.append(i * 23 + 161)
        acc.append(i * 24 + 168)
        acc.append(i * 25 + 175)
        acc.append(i * 26 + 182)
        acc.append(i * 27 + 189)
        acc.append(i * 28 + 196)
        acc.append(i * 29 + 203)
        if i == 2:
            break
        i += 1
    return sum(acc), len(acc)
print(work(5))
total = 0
for j in range(3):
    total += j * 0
    total += j * 1
    total += j * 2
    total += j * 3
    total += j * 4
    total += j * 5
    total += j * 6
    total += j * 7
    total += j * 8
    total += j * 9
    total += j * 10
    total += j * 11
    total += j * 12
    total += j * 13
    total += j * 14
    total += j * 15
    total += j * 16
    total += j * 17
    total += j * 18
    total += j * 19
    total += j * 20
    total += j * 21
    total += j * 22
    total += j * 23
    total += j * 24
    total += j * 25
    total += j * 26
    total += j * 27
    total += j * 28
    total += j * 29
    if j == 1:
        continue
    total -= 1
print(total)
