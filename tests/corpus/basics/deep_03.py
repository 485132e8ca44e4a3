# deeply nested functions and classes
def a():
    def b():
        def c():
            def d():
                def e():
                    class F:
                        def g(self):
                            return "deep method"
                    return F().g()
                return e()
            return d()
        return c()
    return b()
print(a())
class Outer:
    class Mid:
        class Inner:
            v = "inner class"
print(Outer.Mid.Inner.v)
