# generator returning from inside try/finally and a generator used after exhaustion
def g():
    try:
        yield 1
        return
    finally:
        print("cleanup on return")
print(list(g()))
it = g()
print(list(it), list(it))
