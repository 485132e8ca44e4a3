# f-strings with conversion and format spec combined, and numbers formatted many ways
v = 3.14159
n = -42
s = "txt"
print(f"{v!r:>12}|{s!r:<8}|{n:+d}|{n:>6}")
print(f"{v:e} {v:g} {v:%}" if False else f"{v:e} {v:g}")
print(f"{255:#06x} {255:b} {n:x}")
print(f"{s:^9}|{s:.2}|")
