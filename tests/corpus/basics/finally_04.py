# finally with break/continue in while loops and exception in finally
i = 0
while True:
    try:
        i += 1
        if i == 2:
            continue
        if i == 4:
            break
    finally:
        print("finally", i)
print("exit", i)
try:
    try:
        raise ValueError("first")
    finally:
        print("finally before propagation")
except ValueError as e:
    print(e)
