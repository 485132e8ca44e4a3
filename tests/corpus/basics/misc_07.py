# chained comparisons and calls used as statements without results
def noop(*a):
    return None
noop()
noop(1, 2)
1 < 2
[1, 2, 3]
{"a": 1}
print("expression statements evaluated and discarded")
x = 0
x == 1
print(x)
