# collections.deque, OrderedDict and namedtuple operations
from collections import deque, OrderedDict, namedtuple
d = deque((), 3)
for i in range(5):
    d.append(i)
print(list(d), d.popleft(), list(d))
od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
print(list(od.items()))
Pt = namedtuple("Pt", "x y")
p = Pt(3, y=4)
print(p, p.x * p.y, p[0], tuple(p))
