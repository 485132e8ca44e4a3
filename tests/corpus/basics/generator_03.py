# generators with try/finally and close()
def res():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")
g = res()
print(next(g))
g.close()
print("closed")
for v in res():
    print(v)
def early():
    for i in range(10):
        yield i
        if i == 2:
            return
print(list(early()))
