# while loop with a large body (backward jump longer than 63 bytes)
i = 0
acc = []
while i < 3:
    a = i * 2
    b = a + 1
    c = b * b
    d = c - a
    e = d // 2
    f = e % 7
    g = f + a + b + c + d + e
    acc.append((a, b, c, d, e, f, g))
    i += 1
print(acc)
