# conditional expressions as call arguments, subscripts and in lambdas
vals = [3, -1, 4]
print([abs(v) if v < 0 else v * 10 for v in vals])
d = {"a": 1, "b": 2}
k = "a"
print(d["b" if k == "x" else "a"])
print(max(1 if k else 2, 3 if not k else 0))
f = lambda n: "fizz" if n % 3 == 0 else ("buzz" if n % 5 == 0 else str(n))
print([f(i) for i in range(1, 16)])
