# isinstance with tuples of types, type() comparisons and class checks on builtins
vals = [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, None, True]
for v in vals:
    kinds = [t.__name__ for t in (int, float, str, bytes, list, tuple, dict, set, bool) if isinstance(v, t)]
    print(repr(v), kinds, type(v) is int)
