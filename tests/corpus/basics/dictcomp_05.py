# dict displays with non-constant keys and STORE_MAP ordering
def k(n):
    print("key", n)
    return n
def v(n):
    print("val", n)
    return n * 10
d = {k(1): v(1), k(2): v(2)}
print(d)
e = {"x": 1, "y": [1, 2], "z": {"w": None}}
print(e, len(e))
