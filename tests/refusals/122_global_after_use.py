# name used as a parameter then declared global
def f(x):
    global x
