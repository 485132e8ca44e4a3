# builtins: len, isinstance, type, callable, id-free identity, repr of containers
print(len([1, 2]), len("abc"), len({}), len(range(5)))
print(isinstance(1, int), isinstance("", (int, str)), type(1.0).__name__)
print(callable(len), callable(1))
print(repr([1, "a", (2,), {"k": None}]))
print(list(enumerate("ab", 1)), list(zip([1, 2], "xy")))
print(sorted([3, 1, 2], reverse=True), list(reversed((1, 2))))
print(abs(-1.5), round(3.14159, 2), divmod(17, 5))
