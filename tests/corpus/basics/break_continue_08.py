# break out of a for loop from inside a with block inside try/finally in a generator
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): print("exit")
def gen():
    for i in range(5):
        try:
            with CM():
                if i == 2:
                    break
                yield i
        finally:
            print("finally", i)
print(list(gen()))
