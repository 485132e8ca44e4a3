# Two instructions on one line.
@micropython.asm_xtensa
def f(a2):
    nop(); nop()
