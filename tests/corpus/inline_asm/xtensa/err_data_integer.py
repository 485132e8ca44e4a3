# data() with a name.
@micropython.asm_xtensa
def f(a2):
    data(4, a2)
