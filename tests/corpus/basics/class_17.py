# __getitem__-based iteration, __len__ and bool, and reversed() on a custom sequence
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i * i
s = Seq(4)
print(list(s), len(s), bool(Seq(0)), 9 in s)
print([s[i] for i in range(len(s) - 1, -1, -1)])
