# super() in a method without arguments
class A:
    def f():
        return super().f()
