# break/continue out of try/finally blocks (UNWIND_JUMP)
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after")
def f():
    out = []
    for x in range(5):
        try:
            try:
                if x == 2:
                    break
            finally:
                out.append(("inner", x))
        finally:
            out.append(("outer", x))
    return out
print(f())
