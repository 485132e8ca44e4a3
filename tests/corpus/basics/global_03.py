# global declared inside nested functions and class bodies
x = "module"
def outer():
    x = "local"
    def inner():
        global x
        x = "set by inner"
    inner()
    return x
print(outer(), x)
class C:
    global y
    y = "from class body"
print(y, hasattr(C, "y"))
def show():
    return [x, y]
print(show())
