# nonlocal used with del and with augmented assignment in loops
def outer():
    state = "init"
    def change():
        nonlocal state
        state = "changed"
    def remove():
        nonlocal state
        del state
    change()
    r = state
    remove()
    try:
        print(state)
    except NameError:
        print("state deleted")
    return r
print(outer())
