# small-int constants at the edges of the 1-, 2- and 3-byte encodings
vals = [47, 48, -16, -17, 63, 64, -64, -65, 8191, 8192, -8192, -8193, 1048575, 1048576, -1048576, -1048577]
print(vals)
print(sum(vals), [v * 2 for v in vals[:4]])
def f():
    return 8191, 8192, -65, 1048576
print(f())
