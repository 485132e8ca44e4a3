# try/except/else and try/except/else/finally ordering
def f(x):
    log = []
    try:
        log.append("try")
        if x:
            raise RuntimeError
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(f(0))
print(f(1))
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
