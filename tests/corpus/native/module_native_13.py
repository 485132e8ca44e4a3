# mpy-cross -march=ARCH -X emit=native
# whole module native: closures with nonlocal and a class defined inside a function
def make():
    count = 0
    class Tracker:
        def hit(self):
            nonlocal count
            count += 1
            return count
    return Tracker()

t = make()
print(t.hit(), t.hit(), t.hit())
