# generator expressions passed to functions and iterated lazily
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
g = (i for i in range(3))
print(next(g), list(g))
print(list(x for x in "abc" if x != "b"))
print(tuple(i * 2 for i in range(4)))
print(any(v > 5 for v in [1, 9]), all(v > 5 for v in [1, 9]))
print(sorted((k for k in {"b": 1, "a": 2}), reverse=True))
