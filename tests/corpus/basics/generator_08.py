# generators that yield inside try/except/finally and are not exhausted
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("exiting")
        raise
    finally:
        print("finally")
it = g()
print(next(it))
del it
import gc
gc.collect()
it2 = g()
print(list(it2))
