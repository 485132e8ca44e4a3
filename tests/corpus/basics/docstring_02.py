# bare constant expression statements of every kind compile to nothing
def g():
    "doc"
    1
    1.5
    b"bytes"
    (1, 2)
    ...
    True
    return "g"
print(g())
class K:
    "doc"
    x = 1
print(K.x)
