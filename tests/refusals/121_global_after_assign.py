# name assigned then declared global in the same function
def f():
    x = 1
    global x
