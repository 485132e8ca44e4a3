# starred unpacking inside functions and loops, with empty middles
def headtail(seq):
    head, *tail = seq
    return head, tail
print(headtail([1]), headtail("abc"))
for x, *rest in ["ab", "c", "def"]:
    print(x, rest)
def ends(t):
    a, *m, b = t
    return a, m, b
print(ends((1, 2)), ends(range(5)))
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError: too few")
