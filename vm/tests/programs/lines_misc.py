# lines of decorators, class bases, lambdas, comprehensions, conditions, slices and keyword arguments
def deco(*a, **k):
    return lambda f: f
@deco(
    1,
    x=2.5)
@deco
def f(a):
    return [
        a * i
        for i in range(3)
        if i
    ]
class C(
    object,
    metaclass=type):
    attr = (lambda q:
            q + 1.5)
    def m(self):
        return {k:
                v for k, v in
                {1: 2}.items()}
x = 5
if (x > 1 and
        x < 10 or
        x == 1.5):
    print(f(x), C().attr(1), C().m())
y = [1, 2, 3][
    1:
    2.0 and 3]
z = f(a=
      2.5)
w = ("abc"
     "def"
     + f"{x}"
     f"{y!r:>10}")
print(y, z, w, not
      x)
for i in range(
        x):
    pass
while (x >
       100.5):
    x -= 1
assert (x <
        1000.5), (
    "msg")
try:
    x = (1 /
         0.0)
except (ZeroDivisionError,
        ValueError) as e:
    print("err",
          e.args)
with (open if 0 else
      deco)() as q:
    pass
