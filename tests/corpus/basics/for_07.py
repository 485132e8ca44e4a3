# for loops inside functions over large ranges and with locals
def sumsq(n):
    s = 0
    for k in range(n):
        s += k * k
    return s
print(sumsq(10), sumsq(1000))
def matrix(n):
    rows = []
    for r in range(n):
        row = []
        for c in range(n):
            row.append(r * n + c)
        rows.append(row)
    return rows
print(matrix(3))
