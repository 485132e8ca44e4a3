# multi-level closures (cells passed through intermediate scopes)
def a():
    x = "ax"
    def b():
        y = "by"
        def c():
            return x + y
        return c
    return b
print(a()()())
def level1(p):
    def level2(q):
        def level3(r):
            def level4(s):
                return p + q + r + s
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))
