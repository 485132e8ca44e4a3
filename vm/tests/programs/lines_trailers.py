# lines of trailers, dict items, call arguments and constants spread over several lines
import sys
x = (sys
     .path
     .copy())
y = (sys.path
     [0])
z = len(
    sys.path)
d = {
    'a': 1,
    'b': 2.5,
    'c': [1,
          2,
          3.25],
}
s = {
    1,
    2,
}
t = (1,
     2,
     3.5)
u = (x,
     y)
v = x[
    0:1]
w = (1 +
     2.5 * len(y)
     - 3)
def f(a,
      b=1.5,
      *c,
      d=2.5,
      **e):
    return (a
            + b)
print(x, y, z, d, sorted(s), t, u, v, w,
      f(1,
        2,
        3,
        d=4))
big = (
    123456789012345678901234567890)
longs = ("a long string that is surely not interned yet",
         b'bytes')
print(big, longs)
