# with statement where __exit__ raises, and where __enter__ raises
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
class EnterRaises:
    def __enter__(self):
        raise KeyError("enter failed")
    def __exit__(self, *a):
        print("not called")
try:
    with ExitRaises():
        print("body ran")
except RuntimeError as e:
    print(e)
try:
    with EnterRaises():
        print("body not run")
except KeyError as e:
    print("KeyError", e)
