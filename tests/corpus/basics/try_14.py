# POP_EXCEPT_JUMP paths: except handlers that fall through, in loops with continue
results = []
for i in range(4):
    try:
        if i % 2:
            raise ValueError(i)
        results.append(("ok", i))
    except ValueError as e:
        results.append(("err", e.args[0]))
        if i == 3:
            continue
    results.append("tail%d" % i)
print(results)
