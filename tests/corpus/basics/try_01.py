# try/except with specific, tuple and bare handlers
def risky(k):
    if k == 0:
        raise ValueError("zero")
    if k == 1:
        raise KeyError("one")
    if k == 2:
        raise TypeError("two")
    if k == 3:
        return 1 // 0
    return "ok"
for k in range(5):
    try:
        print(risky(k))
    except ValueError as e:
        print("ValueError", e)
    except (KeyError, TypeError) as e:
        print("Key/Type", type(e).__name__)
    except:
        print("bare except")
