# assert statements inside functions and loops with computed messages
def check_all(xs):
    for i, x in enumerate(xs):
        assert x >= 0, "negative at %d: %d" % (i, x)
    return "all ok"
print(check_all([1, 2]))
try:
    check_all([1, -2])
except AssertionError as e:
    print("failed:", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
