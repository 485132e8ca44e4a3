# with statement whose __exit__ returns a truthy non-bool value and one returning None
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
class NoneExit:
    def __enter__(self): return self
    def __exit__(self, *a): return None
with Truthy():
    raise ValueError
print("suppressed by truthy")
try:
    with NoneExit():
        raise ValueError("kept")
except ValueError as e:
    print("not suppressed", e)
