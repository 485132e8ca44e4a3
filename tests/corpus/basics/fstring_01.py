# f-strings with simple expressions and conversions
name = "world"
n = 42
print(f"hello {name}")
print(f"{n} {n + 1} {n * 2}")
print(f"{name!r} {name!s}")
print(f"{'nested quotes'}")
print(f"{{literal braces}} {n}")
print(f"{n:>5}|{n:<5}|{n:^5}|")
print(f"prefix {n}")
print(f"")
