# finally runs on normal exit, exception and return
def f(mode):
    try:
        if mode == "raise":
            raise ValueError
        if mode == "return":
            return "returned"
    finally:
        print("finally for", mode)
    return "fell through"
print(f("normal"))
print(f("return"))
try:
    f("raise")
except ValueError:
    print("ValueError propagated")
