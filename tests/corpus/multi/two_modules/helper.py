# helper module with state and a star-import surface
print("helper imported once")
loaded_message = "helper is loaded"
counter = 0
public_name = "visible"
_private = "hidden"
def bump():
    global counter
    counter += 1
