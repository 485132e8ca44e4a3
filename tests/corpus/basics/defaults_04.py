# mutable default arguments shared between calls and default evaluation time
def counter(c={"n": 0}):
    c["n"] += 1
    return c["n"]
print(counter(), counter(), counter({"n": 10}))
defaults = []
def record(v):
    defaults.append(v)
    return v
def f(a=record(1), b=record(2)):
    return a + b
print(defaults, f(), defaults)
