# assert statements with and without messages
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("msg:", e)
def check(x):
    assert isinstance(x, int), "need int, got %s" % type(x).__name__
    return x
try:
    check("s")
except AssertionError as e:
    print(e)
print(check(5))
