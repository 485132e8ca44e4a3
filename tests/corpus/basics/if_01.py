# if / elif / else chains
def grade(s):
    if s >= 90:
        g = "A"
    elif s >= 80:
        g = "B"
    elif s >= 70:
        g = "C"
    else:
        g = "F"
    return g
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])
x = 0
if x:
    print("no")
if not x:
    print("yes")
if x == 0: print("one-liner")
