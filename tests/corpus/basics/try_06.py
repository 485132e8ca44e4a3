# exception hierarchy matching: subclass caught by base, Exception vs BaseException
class E1(Exception): pass
class E2(E1): pass
for exc in (E1, E2, ArithmeticError, ZeroDivisionError, LookupError, IndexError):
    try:
        raise exc("x")
    except E1 as e:
        print("E1 family", type(e).__name__)
    except ArithmeticError as e:
        print("Arith family", type(e).__name__)
    except LookupError as e:
        print("Lookup family", type(e).__name__)
try:
    raise SystemExit(3) if False else KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException", type(e).__name__)
