# mpy-cross -march=ARCH
# viper calling methods of objects with native arguments and keyword arguments
import micropython

class Acc:
    def __init__(self):
        self.items = []
    def add(self, v, scale=1):
        self.items.append(v * scale)
        return len(self.items)

@micropython.viper
def feed(acc, n: int) -> int:
    last = 0
    for i in range(n):
        last = int(acc.add(i, scale=10))
    return last

a = Acc()
print(feed(a, 4), a.items)
