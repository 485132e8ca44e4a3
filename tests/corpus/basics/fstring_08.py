# f-strings in loops and comprehensions, building tables
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25)]
for name, qty, price in rows:
    print(f"{name:<8}{qty:>4}{qty * price:>8.2f}")
print([f"{i}:{i * i}" for i in range(4)])
print(", ".join(f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()))
