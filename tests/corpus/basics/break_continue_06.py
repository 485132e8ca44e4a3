# continue inside finally-protected loops with return in finally-free paths
def g(items):
    res = []
    for it in items:
        try:
            if it is None:
                continue
            res.append(it * 2)
        except TypeError:
            res.append("bad")
            continue
        finally:
            res.append("|")
    return res
print(g([1, None, "s", 2]))
