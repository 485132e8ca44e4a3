# with statement calling __enter__/__exit__ and binding the result
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et is None)
        return False
with CM("a") as v:
    print("body", v)
with CM("b"):
    print("no target")
try:
    with CM("c") as v:
        raise ValueError("in body")
except ValueError:
    print("propagated")
