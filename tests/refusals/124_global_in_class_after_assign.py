# class-body name assigned then declared global
class C:
    x = 1
    global x
