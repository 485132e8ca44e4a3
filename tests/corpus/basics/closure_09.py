# closure over a variable used in a comprehension inside the inner function and in a generator
def outer(xs):
    factor = 3
    def scaled():
        return [x * factor for x in xs]
    def gen():
        yield from (x + factor for x in xs)
    return scaled(), list(gen())
print(outer([1, 2]))
