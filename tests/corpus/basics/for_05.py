# iterating user-defined iterators and generators in for loops
class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
for v in Count(3):
    print("count", v)
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
print(list(evens(9)))
it = iter([10, 20, 30])
for v in it:
    print(v, next(it, "end"))
