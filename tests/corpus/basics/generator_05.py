# generator methods in classes, and yield as an expression in various places
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def walk(self):
        yield self.v
        for k in self.kids:
            for v in k.walk():
                yield v
t = Tree(1, (Tree(2, (Tree(3),)), Tree(4)))
print(list(t.walk()))
def echo():
    x = yield
    while True:
        x = yield x * 2
g = echo()
next(g)
print(g.send(1), g.send(21))
