# decorator that is a parenthesised lambda
@(lambda f: f)
def f():
    pass
