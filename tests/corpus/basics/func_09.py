# functions returning functions returning tuples, and calling through attributes of returned objects
def factory():
    class Box:
        def __init__(self):
            self.fn = lambda x: (x, x * 2)
    return Box()
print(factory().fn(4))
def chain():
    return lambda: (lambda: "deep")
print(chain()()())
