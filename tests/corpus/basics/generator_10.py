# generator expression and generator function inside class methods accessing self
class Bag:
    def __init__(self, items):
        self.items = items
    def doubled(self):
        return (i * 2 for i in self.items)
    def evens(self):
        for i in self.items:
            if i % 2 == 0:
                yield i
b = Bag([1, 2, 3, 4])
print(list(b.doubled()), list(b.evens()))
