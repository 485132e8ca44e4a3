# module-level names read from functions defined before the names exist
def show():
    return later_defined * 2
later_defined = 21
print(show())
def reader():
    try:
        return not_yet
    except NameError:
        return "NameError"
print(reader())
not_yet = "now defined"
print(reader())
