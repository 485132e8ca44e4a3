# assert with side-effecting expressions and message evaluated lazily
calls = []
def cond(v):
    calls.append(("cond", v))
    return v
def msg():
    calls.append("msg")
    return "message"
assert cond(True), msg()
try:
    assert cond(0), msg()
except AssertionError as e:
    print(e)
print(calls)
print(__debug__)
