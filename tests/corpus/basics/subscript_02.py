# __setitem__ and __getitem__ with tuple keys, and errors on bad subscripts
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print("".join(g[r, c] for r in range(2) for c in range(3)))
try:
    (1, 2)[5]
except IndexError:
    print("IndexError")
try:
    5[0]
except TypeError:
    print("TypeError")
