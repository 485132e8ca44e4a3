# functions with annotations on parameters and returns
def f(a: int, b: "str" = "x", *args: tuple, c: float = 1.0, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f(1))
print(f(1, "y", 2, 3, c=2.5, d=4))
def g() -> None:
    return None
print(g())
def h(x: int) -> int: return x + 1
print(h(4))
