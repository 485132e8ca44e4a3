# boolean operators in conditions with jumps, mixed with comparisons
def classify(n):
    if n > 0 and n % 2 == 0:
        return "pos even"
    elif n > 0 or n == -1:
        return "pos odd or -1"
    elif not n:
        return "zero"
    return "neg"
print([classify(i) for i in (4, 3, -1, 0, -5)])
a = 5
print((a > 3 and a < 10) or a == 100)
print(not (a > 3 and a < 4))
while a and a > 2:
    a -= 1
print(a)
