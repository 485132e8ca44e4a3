# unindent that matches no outer level
def f():
        x = 1
    y = 2
