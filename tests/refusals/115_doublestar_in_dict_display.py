# ** unpacking inside a dict display
d = {"a": 1}
e = {**d, "b": 2}
