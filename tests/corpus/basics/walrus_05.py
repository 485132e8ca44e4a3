# walrus in conditional expressions and chained comparisons
x = [5, 15, 25]
print([("big", v) if (v := n * 2) > 20 else ("small", v) for n in x])
if 0 < (m := len(x)) < 10:
    print("m in range", m)
