def greet(name, punctuation="!"):
    return "hello, " + name + punctuation


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self.n


c = Counter()
for i in range(3):
    c.bump(i)
print(greet("world"), c.n)
try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))
