# if-conditions with is None / is not None and compound membership
def f(v=None, opts=()):
    if v is None and not opts:
        return "nothing"
    if v is not None and "strict" in opts:
        return "strict %r" % (v,)
    if v is None or "loose" not in opts:
        return "partial"
    return "loose %r" % (v,)
print(f(), f(1, ("strict",)), f(None, ("x",)), f(2, ("loose",)))
