# raise inside finally replaces the pending exception; exception from generator close
def f():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("replacement")
try:
    f()
except TypeError as e:
    print("got", e)
except ValueError:
    print("original kept")
def g():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
it = g()
next(it)
it.close()
print("closed")
