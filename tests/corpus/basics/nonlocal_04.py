# nonlocal in a class method referencing an enclosing function variable
def make():
    calls = 0
    class Counter:
        def hit(self):
            nonlocal calls
            calls += 1
            return calls
    return Counter()
c = make()
c.hit(); c.hit()
print(c.hit())
def f():
    x = 1
    def g():
        nonlocal x
        x = [x, x]
        return x
    g()
    return x
print(f())
