# assignment evaluation order: right side first, then targets left to right
log = []
class T:
    def __setitem__(self, k, v):
        log.append(("set", k, v))
def val(v):
    log.append(("val", v))
    return v
t = T()
t[val("k1")], t[val("k2")] = val(1), val(2)
print(log)
log.clear()
t[val("a")] = t[val("b")] = val(9)
print(log)
