# break/continue out of with blocks and nested for loops
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, *a):
        print("exit", self.n)
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print("---")
for a in range(3):
    for b in range(3):
        if b == 1:
            break
        with CM((a, b)):
            continue
