# and/or short-circuit returning operand values
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", "" or [] or 0)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 5)
def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) or t(3))
x = [] or {} or "fallback"
print(x)
