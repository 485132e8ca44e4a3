class A:
    def f(self):
        x = 1
        del 1
