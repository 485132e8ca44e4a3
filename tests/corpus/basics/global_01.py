# global declarations, STORE_GLOBAL and LOAD_GLOBAL
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_global():
    global created_later
    created_later = "made in function"
make_global()
print(created_later)
def reads():
    return counter * 10
print(reads())
