# MicroPython's looser grammar: parenthesised names as walrus and keyword targets, a trailing comma after
# from-import names, annotated tuple and starred targets, tab indentation
from math import pi, e,
a, b: int = 1, 2
c, *d: list = 3, 4, 5
print(a, b, c, d, round(pi + e, 3))
if ((n) := 10) > 5:
    print("n", n)
def kw(**k):
    return sorted(k.items())
print(kw((x)=1, ((y))=2))
	# a comment indented with a tab
for i in range(2):
	print(i)
