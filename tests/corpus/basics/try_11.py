# deeply nested exception handlers with re-raise through several levels
def level(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        level(n - 1)
    except KeyError as e:
        if n % 2:
            raise
        raise ValueError("level %d" % n)
for depth in (1, 2, 3):
    try:
        level(depth)
    except (KeyError, ValueError) as e:
        print(depth, type(e).__name__, e)
