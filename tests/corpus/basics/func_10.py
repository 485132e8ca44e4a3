# calling functions with many positional and keyword arguments (CALL_FUNCTION with large counts)
def many(a, b, c, d, e, f, g, h, i, j, k=0, l=0, m=0, n=0, o=0, p=0):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, k=11, l=12, m=13, n=14, o=15, p=16))
print(many(*range(10), **{"p": 100}))
