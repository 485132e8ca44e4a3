# yield inside with statements and loops over generator results with else
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit")
def g():
    with CM():
        yield 1
        yield 2
for v in g():
    print(v)
else:
    print("loop else")
def pairs():
    for i in range(3):
        yield i, i * i
print(dict(pairs()))
