# finally runs even when except handler returns, and exception object used after handler via copy
def f():
    saved = None
    try:
        raise OSError(5, "io failure")
    except OSError as e:
        saved = e
        return "handled", saved.args
    finally:
        print("finally after return in except")
print(f())
