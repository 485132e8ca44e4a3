# lambdas with default arguments capturing loop values and lambdas in data structures
table = {name: (lambda x, n=name: n + ":" + str(x)) for name in ("a", "b")}
print(table["a"](1), table["b"](2))
ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b]
print([op(6, 3) for op in ops])
key = lambda item: (-item[1], item[0])
print(sorted({"x": 2, "y": 3, "z": 2}.items(), key=key))
