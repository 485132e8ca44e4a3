# for loop with a tuple target of attributes and list items at once
class P:
    pass
p = P()
slots = [None, None]
for p.a, slots[1] in [(1, "x"), (2, "y")]:
    print(p.a, slots)
