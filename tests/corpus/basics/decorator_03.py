# decorators on methods and classes, including a memoizing decorator
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
def add_method(cls):
    cls.extra = lambda self: "extra!"
    return cls
@add_method
class K:
    @staticmethod
    def s():
        return "static"
print(K().extra(), K.s())
