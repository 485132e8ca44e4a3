# try/except in a loop with else: else runs only when no exception
for v in ("1", "x", "3"):
    try:
        n = int(v)
    except ValueError:
        print("bad", v)
    else:
        print("good", n)
    finally:
        print("checked", v)
