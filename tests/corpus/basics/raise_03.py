# StopIteration raised manually and exceptions in __init__ and properties
class Bad:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative")
        self.v = v
    @property
    def inv(self):
        if self.v == 0:
            raise ZeroDivisionError("v is zero")
        return 1 / self.v
for v in (2, 0, -1):
    try:
        print(Bad(v).inv)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
