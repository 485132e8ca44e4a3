# in-place operators inside functions on locals, globals and closures
total = 0
def add(n):
    global total
    total += n
for i in range(5):
    add(i)
print(total)
def counter():
    c = 0
    def inc(k=1):
        nonlocal c
        c += k
        return c
    return inc
f = counter()
f(); f(10)
print(f(100))
def loc(v):
    v %= 7
    v |= 8
    v >>= 1
    return v
print([loc(i) for i in range(20, 25)])
