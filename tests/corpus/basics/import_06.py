# import of the same module under several aliases in one statement
import math as m1, math as m2, sys as s
print(m1 is m2, m1.floor(1.5), s.byteorder in ("little", "big"))
from collections import deque as dq, namedtuple as nt
q = dq((), 5)
q.append(1)
q.appendleft(0) if hasattr(q, "appendleft") else q.append(2)
print(len(q), nt("P", "a b")(1, 2))
