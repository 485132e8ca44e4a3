# try/except/else/finally nesting, with, raise from, break/continue through handlers
def f(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out
def g():
    try:
        1 / 0
    except (ZeroDivisionError, TypeError) as e:
        return type(e).__name__
    except Exception:
        pass
    else:
        return "else"
    finally:
        print("fin")
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True
def h():
    with CM() as a, CM():
        raise ValueError("x")
    with CM() as [b, c], CM() as q:
        pass
    return a
def k():
    try:
        raise KeyError(1) from None
    except KeyError as e:
        return e.args
    while True:
        try:
            break
        except:
            raise
print(f(5), g(), h() is not None, k())
