# unicode identifiers in classes, attributes and keyword arguments
class Größe:
    def __init__(self, wert):
        self.wert = wert
    def verdoppeln(self):
        return Größe(self.wert * 2)
g = Größe(21).verdoppeln()
print(g.wert)
def f(*, schlüssel=1):
    return schlüssel
print(f(), f(schlüssel=5))
