def counter(start, *, step=1):
    n = start
    def bump():
        nonlocal n
        n += step
        return n
    return bump
class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y
    def norm(self):
        return super().norm() + abs(self.x)
print(counter(1)(), Point(3).x)
