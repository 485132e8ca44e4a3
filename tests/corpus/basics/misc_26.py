# tab indentation, and a tab followed by spaces counted as the same level as 8 spaces
def f(n):
	if n:
		return "tab-indented"
	return "zero"
print(f(1), f(0))
if True:
	x = 1
        y = 2
print(x + y)
