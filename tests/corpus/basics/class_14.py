# class with __slots__-free attribute defaults, class attribute mutation via instances
class Counter:
    shared = []
    total = 0
    def add(self, v):
        self.shared.append(v)
        self.total += v
a, b = Counter(), Counter()
a.add(1); b.add(2); a.add(3)
print(Counter.shared, a.total, b.total, Counter.total)
