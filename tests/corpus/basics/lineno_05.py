# many statements on one line with semicolons and compound one-liners
a = 1; b = 2; c = a + b; print(a, b, c)
if a: print("one-line if"); print("second stmt")
for i in range(2): print("loop", i)
while b > 0: b -= 1
def f(): return "one-line def"
class K: x = 1
print(f(), K.x, b)
try: 1 / 0
except ZeroDivisionError: print("one-line except")
