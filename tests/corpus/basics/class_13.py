# class methods referencing the class name from inside (global lookup at call time)
class Node:
    count = 0
    def __init__(self, v):
        Node.count += 1
        self.v = v
    def clone(self):
        return Node(self.v)
a = Node(1)
b = a.clone()
print(Node.count, b.v)
class Chain:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
print(Chain().add(1).add(2).add(3).parts)
