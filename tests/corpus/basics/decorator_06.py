# decorators returning classes or non-callables, and decorators with keyword arguments
def as_list(fn):
    return [fn(i) for i in range(3)]
@as_list
def squares(i):
    return i * i
print(squares)
def param(*, times=1, sep=""):
    def deco(fn):
        return lambda: sep.join([fn()] * times)
    return deco
@param(times=3, sep="-")
def word():
    return "ha"
print(word())
