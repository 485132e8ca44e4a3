# simple function decorators, stacked decorators and decorator order
def tag(name):
    def deco(fn):
        def wrapped(*a):
            return "<%s>%s</%s>" % (name, fn(*a), name)
        return wrapped
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
print(text("hi"))
def log(fn):
    print("decorating", fn.__name__)
    return fn
@log
def f():
    return 1
print(f())
