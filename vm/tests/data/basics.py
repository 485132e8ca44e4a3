# Functions, closures, classes, generators, comprehensions, exceptions, with, imports, calls.
import sys
from os import path as p, sep
from . import sibling

X = const(3)
_Y = const(4)


def add(a, b=2, *args, c, d=5, **kw):
    return a + b + c + d + len(args) + len(kw)


def outer(n):
    total = 0

    def inner(k):
        nonlocal total
        total += k
        return total

    return inner


class Point(Base, metaclass=Meta):
    count = 0

    def __init__(self, x, y):
        super().__init__()
        self.x = x
        self.y = y

    @property
    def norm(self):
        return (self.x**2 + self.y**2) ** 0.5


def gen(n):
    for i in range(n):
        if i % 2:
            continue
        yield i
    yield from range(3)


async def coro(x):
    async with x as y:
        await y
    async for z in y:
        pass


def control(xs):
    try:
        while True:
            for x in xs:
                if x > 10:
                    break
            else:
                return [x * x for x in xs if x], {k: v for k, v in xs}, {x for x in xs}, (x for x in xs)
    except (ValueError, TypeError) as e:
        raise RuntimeError("bad") from e
    except Exception:
        raise
    finally:
        del xs
    with open("f") as f, open("g") as g:
        f.write(g.read())
    lam = lambda a, *, b: a + b
    x, *rest = xs
    a = b = c = xs[1:2:3]
    xs[0] += 1
    assert a, "msg"
    global G
    G = not a and b or c
    return lam(*xs, **{"b": 1}), f"{a!r:>10} and {b}"


print(add(1, c=3), outer(2)(3), Point(1, 2).norm, list(gen(5)), X, _Y)
