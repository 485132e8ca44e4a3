# the micropython.bytecode decorator and a const name used in decorators
import micropython
@micropython.bytecode
def f(x):
    return x * 3
print(f(4))
def twice(fn):
    return lambda *a: fn(fn(*a))
@twice
def inc(v):
    return v + 1
print(inc(0))
