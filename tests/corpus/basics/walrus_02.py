# walrus in nested expressions and in function arguments
print((a := 5) + (b := a * 2), a, b)
print(max(c := 3, 7), c)
def g(x):
    return (sq := x * x) + sq
print(g(4))
values = [3, 0, 8]
total = 0
for v in values:
    if (d := v - 1) >= 0:
        total += d
print(total, d)
