# exception matching against a tuple held in a variable and re-raising a different instance
errs = (KeyError, IndexError)
for fn in (lambda: {}["x"], lambda: [][0], lambda: int("x")):
    try:
        fn()
    except errs as e:
        print("lookup", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise ValueError("b: " + str(e))
except ValueError as e2:
    print(e2)
