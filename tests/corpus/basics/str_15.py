# long strings inside functions (constant objects) and equality with runtime-built strings
def msg(kind):
    if kind == 1:
        return "the first fairly long message text"
    return "the second fairly long message text"
a = msg(1)
b = "the first " + "fairly long message text"
print(a, a == b, msg(2)[-9:])
