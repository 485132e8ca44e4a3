# nested finally blocks unwinding in order
def f():
    try:
        try:
            try:
                raise RuntimeError("x")
            finally:
                print("inner finally")
        finally:
            print("middle finally")
    except RuntimeError:
        print("caught")
    finally:
        print("outer finally")
f()
def g():
    try:
        try:
            return 1
        finally:
            print("a")
    finally:
        print("b")
print(g())
