# docstrings on async functions, generators, lambdas (none) and nested classes
async def co():
    "coroutine doc"
    return 1
def gen():
    """generator doc"""
    yield 2
class Outer:
    """outer doc"""
    class Inner:
        """inner doc"""
        v = 3
c = co()
try:
    c.send(None)
except StopIteration as e:
    print(e.args)
print(list(gen()), Outer.Inner.v)
