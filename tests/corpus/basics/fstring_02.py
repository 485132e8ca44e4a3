# f-strings with format specs, nested replacement fields in specs
x = 3.14159
w = 10
p = 3
print(f"{x:.2f}")
print(f"{x:{w}.{p}f}|")
print(f"{255:x} {255:#o} {5:08b}")
print(f"{'s':*>6}")
print(f"{1000000:,}" if False else f"{1000000}")
v = [1, 2, 3]
print(f"{v[0]} {v[-1]} {len(v)}")
print(f"{ {'a': 1}['a'] }")
