# subscripting lists, tuples, dicts and strings with various index expressions
l = [10, 20, 30, 40]
i = 2
print(l[0], l[i], l[i - 1], l[-i], l[len(l) - 1])
t = ("a", "b")
print(t[1], "hello"[1], b"xy"[0])
d = {1: "one", (1, 2): "tuple key", "s": [5, 6]}
print(d[1], d[(1, 2)], d[1, 2], d["s"][1])
nested = [[[1, 2], [3, 4]], [[5, 6]]]
print(nested[0][1][0], nested[1][0][1])
