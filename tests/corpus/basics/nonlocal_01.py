# nonlocal rebinding across one and two levels
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
    inc(); inc(); inc()
    return x
print(outer())
def two_levels():
    v = "a"
    def mid():
        def inner():
            nonlocal v
            v = v + "c"
        nonlocal v
        v = v + "b"
        inner()
    mid()
    return v
print(two_levels())
