# nested function definitions and default arguments evaluated once
def outer():
    def inner(x):
        return x + 1
    return inner(inner(1))
print(outer())
def append_to(v, lst=[]):
    lst.append(v)
    return lst
print(append_to(1), append_to(2))
def fresh(v, lst=None):
    if lst is None:
        lst = []
    lst.append(v)
    return lst
print(fresh(1), fresh(2))
