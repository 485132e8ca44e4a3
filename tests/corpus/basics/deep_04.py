# deeply nested try/with/for inside a generator inside a class method
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self.n
    def __exit__(self, *a): return False
class Walker:
    def walk(self, n):
        for i in range(n):
            with CM(i) as a:
                try:
                    for j in range(i):
                        with CM(j) as b:
                            try:
                                if (a + b) % 2:
                                    yield (a, b)
                            finally:
                                pass
                except Exception:
                    yield "err"
print(list(Walker().walk(4)))
